using System.CommandLine;
using System.Globalization;
using System.Text;
using PlanExtract.Indexing;

namespace PlanExtract.Cli;

/// <summary><c>planextract search</c>: full-text search over the index <c>build</c> wrote, and targets by indicator and value.</summary>
internal static class SearchCommand
{
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var query = new Argument<string>("QUERY")
        {
            Description = "Words as you would write them (保障儿童心理健康, 8/10万); \"quotes\", AND/OR/NOT and field:value work. "
                + "Fields: text, district, domain, plan, section, kind, indicator, indicator_id, value, unit, comparator, year; value:[5 TO 10] compares numbers. "
                + "May be left out when a target filter (--indicator, --value, --unit, --comparator, --year) says what to list.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => string.Empty,
        };
        var district = new Option<string?>("--district") { Description = "Only this district: its display name or part of it (清城)." };
        var plan = new Option<string?>("--plan") { Description = "Only the women's or the children's plan." }.OneOfOrNone("women", "children");
        var domain = new Option<string?>("--domain") { Description = "Only this domain, or domains whose name contains it (健康)." };
        var section = new Option<string?>("--section") { Description = "Only goals, measures, key projects or other sections." }.OneOfOrNone("goal", "measure", "project", "other");
        var indicator = new Option<string?>("--indicator") { Description = "Only targets of this indicator: canonical id or written name (孕产妇死亡率); alone, one row per district ordered by value." };
        var value = new Option<ValueRange?>("--value")
        {
            Description = "Only targets whose value is in this range: 5..10, <=10, >=95, 8.",
            CustomParser = result =>
            {
                var given = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
                var range = ValueRange.Parse(given);
                if (range is null)
                {
                    result.AddError($"--value takes a number or a range (5..10, <=10, >=95), not '{given}'");
                }

                return range;
            },
        };
        var unit = new Option<string?>("--unit") { Description = "Only targets in this unit (%, 1/10万, ‰)." };
        var comparator = new Option<string?>("--comparator") { Description = "Only targets with this comparator." }
            .OneOfOrNone("<=", ">=", "=", "<", ">", "~", "up", "down", "up_by", "down_by");
        var year = new Option<int?>("--year") { Description = "Only targets due in this year (2025, 2030)." };
        var limit = new Option<int>("--limit") { Description = "How many hits to show (1 or more).", DefaultValueFactory = _ => 10 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError($"--limit must be 1 or more, not {r.GetValueOrDefault<int>()}");
            }
        });
        var offset = new Option<int>("--offset") { Description = "Skip this many of the best hits (paging with --limit).", DefaultValueFactory = _ => 0 };
        offset.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError($"--offset must be 0 or more, not {r.GetValueOrDefault<int>()}");
            }
        });
        var format = new Option<string>("--format")
        {
            Description = "text (readable), json (the contract's hit array), jsonl (one hit per line, then a summary line with totals and counts) or csv (hits, then total and count rows).",
            DefaultValueFactory = _ => "text",
        }.OneOf("text", "json", "jsonl", "csv");
        var index = new Option<string?>("--index") { Description = $"The index folder build wrote (default: OUTPUT/index, OUTPUT from ${CliOptions.OutputVariable} or the repository's output/)." };

        var command = new Command("search", "Full-text search over the goals, measures, projects and targets of the whole corpus; targets by indicator, value, unit and year.")
        {
            query, district, plan, domain, section, indicator, value, unit, comparator, year, limit, offset, format, index,
        };
        command.Validators.Add(r =>
        {
            // Presence only: a filter whose value is wrong has its own error, and reading it here would throw.
            var text = r.GetValue(query);
            var filtered = new Option[] { indicator, value, unit, comparator, year }.Any(o => r.GetResult(o) is not null);
            if (string.IsNullOrWhiteSpace(text) && !filtered)
            {
                r.AddError("give a QUERY, or a target filter such as --indicator 孕产妇死亡率");
            }
        });
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(index) ?? Path.Combine(CliOptions.Output(null), "index");
            using var searcher = CorpusSearcher.Open(folder);
            var result = searcher.Search(new SearchRequest(parse.GetValue(query) ?? string.Empty)
            {
                District = parse.GetValue(district),
                Plan = parse.GetValue(plan),
                Domain = parse.GetValue(domain),
                Section = parse.GetValue(section),
                Indicator = parse.GetValue(indicator),
                Value = parse.GetValue(value),
                Unit = parse.GetValue(unit),
                Comparator = parse.GetValue(comparator),
                Year = parse.GetValue(year),
                Limit = parse.GetValue(limit),
                Offset = parse.GetValue(offset),
            });
            switch (parse.GetValue(format))
            {
                case "json":
                    stdout.Write(Written(result, SearchHitsJson.Write));
                    break;
                case "jsonl":
                    stdout.Write(Written(result, SearchHitsJson.WriteLines));
                    break;
                case "csv":
                    stdout.Write(Written(result, SearchHitsCsv.Write));
                    break;
                default:
                    // Bold only on a terminal without NO_COLOR; redirected output keeps the contract's ** marks.
                    WriteText(stdout, result, CliOptions.Colour(stdout));
                    break;
            }

            stdout.Flush();
            return Cli.Ok;
        });
        return command;
    }

    private static void WriteText(TextWriter stdout, SearchResult result, bool colour)
    {
        if (result.Relaxed is { } relaxed)
        {
            stdout.WriteLine($"({relaxed})");
        }

        if (result.Hits.Count == 0)
        {
            stdout.WriteLine(result.TotalHits > 0 ? $"no hits past --offset {result.Offset} ({result.TotalHits} in all)" : "no hits");
            Suggest(stdout, result);
            return;
        }

        var rank = result.Offset;
        foreach (var hit in result.Hits)
        {
            rank++;
            var where = string.Join(" / ", new[] { hit.Plan, hit.Domain, hit.Section, hit.Item is null ? null : "item " + hit.Item }.Where(p => !string.IsNullOrEmpty(p)));
            var location = hit.Line is { } line ? $"{hit.Source}:{line}" : hit.Page is { } page ? $"{hit.Source} p.{page}" : hit.Source;
            stdout.WriteLine($"{rank}. {hit.District} · {where} · {location}");
            if (hit.Target is { } target)
            {
                stdout.WriteLine($"   target: {target.IndicatorId ?? target.Indicator} {target.Comparator} {target.Quantity}{(target.Year is { } y ? " by " + y.ToString(CultureInfo.InvariantCulture) : string.Empty)}");
            }

            stdout.WriteLine("   " + (colour ? hit.Render(Bold, Reset) : hit.Snippet));
        }

        stdout.WriteLine();
        var noun = result.OfTargets ? "matching targets" : "matching items";
        stdout.WriteLine($"{result.TotalHits} {noun}, {result.Hits.Count} shown{(result.Offset > 0 ? $" from {result.Offset + 1}" : string.Empty)}");
        stdout.WriteLine("by district: " + Counts(result.ByDistrict));
        stdout.WriteLine("by domain:   " + Counts(result.ByDomain));
        Suggest(stdout, result);
    }

    private static void Suggest(TextWriter stdout, SearchResult result)
    {
        if (result.Suggestions.Count > 0)
        {
            stdout.WriteLine("did you mean: " + string.Join(" · ", result.Suggestions));
        }
    }

    /// <summary>Counts a terminal line shows: at country scale a common word counts in every one of 3,200 districts, a line no one reads.</summary>
    internal const int CountsShown = 20;

    private static string Counts(IReadOnlyList<KeyValuePair<string, int>> counts)
    {
        var shown = string.Join("  ", counts.Take(CountsShown).Select(p => $"{(p.Key.Length == 0 ? "(outside the domains)" : p.Key)} {p.Value.ToString(CultureInfo.InvariantCulture)}"));
        return counts.Count > CountsShown
            ? $"{shown}  … and {(counts.Count - CountsShown).ToString(CultureInfo.InvariantCulture)} more (--format json or csv lists every count)"
            : shown;
    }

    private static string Written(SearchResult result, Action<Stream, SearchResult> write)
    {
        using var buffer = new MemoryStream();
        write(buffer, result);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        return text.EndsWith('\n') ? text : text + Environment.NewLine;
    }
}
