using System.CommandLine;
using System.Globalization;
using System.Text;
using PlanExtract.Indexing;
using PlanExtract.Reporting;

namespace PlanExtract.Cli;

/// <summary><c>planextract search</c>: full-text search over the index <c>build</c> wrote.</summary>
internal static class SearchCommand
{
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var query = new Argument<string>("QUERY")
        {
            Description = "Words or phrases (a bare Chinese word is a phrase); \"quotes\", AND/OR/NOT and field:value work. Fields: text, district, domain, plan, section, kind, indicator_id.",
        };
        var district = new Option<string?>("--district") { Description = "Only this district: its display name or part of it (清城)." };
        var plan = new Option<string?>("--plan") { Description = "Only the women's or the children's plan." };
        plan.AcceptOnlyFromAmong("women", "children");
        var domain = new Option<string?>("--domain") { Description = "Only this domain, or domains whose name contains it (健康)." };
        var section = new Option<string?>("--section") { Description = "Only goals, measures, key projects or other sections." };
        section.AcceptOnlyFromAmong("goal", "measure", "project", "other");
        var limit = new Option<int>("--limit") { Description = "How many hits to show.", DefaultValueFactory = _ => 10 };
        var format = new Option<string>("--format") { Description = "text (readable) or json (the contract's hit array).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var index = new Option<string>("--index") { Description = "The index folder build wrote.", DefaultValueFactory = _ => Path.Combine("output", "index") };

        var command = new Command("search", "Full-text search over the goals, measures, projects and targets of the whole corpus.")
        {
            query, district, plan, domain, section, limit, format, index,
        };
        command.SetAction(parse =>
        {
            using var searcher = CorpusSearcher.Open(parse.GetValue(index)!);
            var result = searcher.Search(new SearchRequest(parse.GetValue(query)!)
            {
                District = parse.GetValue(district),
                Plan = parse.GetValue(plan),
                Domain = parse.GetValue(domain),
                Section = parse.GetValue(section),
                Limit = parse.GetValue(limit),
            });
            if (parse.GetValue(format) == "json")
            {
                stdout.Write(Json(result));
            }
            else
            {
                // Bold only on a terminal; redirected output keeps the contract's ** marks.
                var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
                WriteText(stdout, result, terminal);
            }

            stdout.Flush();
            return Cli.Ok;
        });
        return command;
    }

    private static void WriteText(TextWriter stdout, SearchResult result, bool terminal)
    {
        if (result.Hits.Count == 0)
        {
            stdout.WriteLine("no hits");
            return;
        }

        var rank = 0;
        foreach (var hit in result.Hits)
        {
            rank++;
            var where = string.Join(" / ", new[] { hit.Plan, hit.Domain, hit.Section, hit.Item is null ? null : "item " + hit.Item }.Where(p => !string.IsNullOrEmpty(p)));
            var location = hit.Line is { } line ? $"{hit.Source}:{line}" : hit.Page is { } page ? $"{hit.Source} p.{page}" : hit.Source;
            stdout.WriteLine($"{rank}. {hit.District} · {where} · {location}");
            stdout.WriteLine("   " + (terminal ? hit.Render(Bold, Reset) : hit.Snippet));
        }

        stdout.WriteLine();
        stdout.WriteLine($"{result.TotalHits} matching items, {result.Hits.Count} shown");
        stdout.WriteLine("by district: " + Counts(result.ByDistrict));
        stdout.WriteLine("by domain:   " + Counts(result.ByDomain));
    }

    private static string Counts(IReadOnlyList<KeyValuePair<string, int>> counts) =>
        string.Join("  ", counts.Select(p => $"{(p.Key.Length == 0 ? "(outside the domains)" : p.Key)} {p.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static string Json(SearchResult result)
    {
        using var buffer = new MemoryStream();
        SearchHitsJson.Write(buffer, result);
        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }
}
