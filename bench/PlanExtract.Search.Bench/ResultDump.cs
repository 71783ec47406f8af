using System.Globalization;
using System.Text;
using PlanExtract.Benchmarking;
using PlanExtract.Indexing;

/// <summary>
/// Every result of a fixed request set written as text (<c>--dump DIR FILE</c>), so that two
/// builds of the searcher can be compared on a large index with <c>diff</c>: hits (source, line,
/// score, snippet), totals, counts by district and domain, relaxed note, suggestions. Each request
/// runs twice: on a searcher opened for it alone (its first search: counts from doc values, one
/// thread) and on one searcher that answered all the others before (counts from the item columns,
/// on every core as the web view's searcher).
/// </summary>
internal static class ResultDump
{
    public static IReadOnlyList<SearchRequest> Requests { get; } =
    [
        .. SearchTiming.QuerySet.Select(q => new SearchRequest(q)),
        .. SearchTiming.QuerySet.Select(q => new SearchRequest(q) { Plan = "women", Domain = "健康" }),
        .. SearchTiming.QuerySet.Select(q => new SearchRequest(q) { Limit = 20, Offset = 40 }),
        new SearchRequest("保障儿童心理健康"),
        new SearchRequest("心里健康"),
        new SearchRequest("家庭暴历"),
        new SearchRequest("普惠性 幼儿园"),
        new SearchRequest("乳腺癌 OR 宫颈癌") { Limit = 100 },
        new SearchRequest("妇女") { Limit = 50 },
        new SearchRequest("加强对留守儿童和困境儿童的心理健康教育"),
        new SearchRequest("孕产妇死亡率") { Comparator = "<=", Limit = 50 },
        new SearchRequest("托育") { Section = "goal", Plan = "children" },
        new SearchRequest("") { Indicator = "孕产妇死亡率", Limit = 30 },
    ];

    public static void Write(string index, string file)
    {
        var text = new StringBuilder();
        using (var shared = CorpusSearcher.Open(index))
        {
            // As the web view's searcher: on every core (on a large enough index), so the two paths also compare one thread with several.
            shared.UseAllCores();
            foreach (var request in Requests)
            {
                using var alone = CorpusSearcher.Open(index);
                var first = Describe(request, alone.Search(request));
                var later = Describe(request, shared.Search(request));
                text.Append(first);
                if (later != first)
                {
                    text.Append("LATER SEARCH DIFFERS\n").Append(later);
                }
            }
        }

        File.WriteAllText(file, text.ToString());
        Console.WriteLine($"{Requests.Count} requests written to {file}");
    }

    private static string Describe(SearchRequest request, SearchResult result)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"== {request}\ntotal {result.TotalHits}; relaxed {result.Relaxed}; suggestions {string.Join("|", result.Suggestions)}\n");
        foreach (var hit in result.Hits)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {hit.Score:R}\t{hit.Source}:{hit.Line}:{hit.Page}\t{hit.Kind}\t{hit.Item}\t{hit.Snippet}\n");
        }

        text.Append("districts ").AppendJoin(" ", result.ByDistrict.Select(p => $"{p.Key}={p.Value}")).Append('\n');
        text.Append("domains ").AppendJoin(" ", result.ByDomain.Select(p => $"{p.Key}={p.Value}")).Append('\n');
        return text.ToString();
    }
}
