using System.Diagnostics;
using System.Globalization;
using PlanExtract.Benchmarking;
using PlanExtract.Indexing;

/// <summary>
/// What a searcher's own per-segment structures cost on first use (<c>--cold</c>), apart from the
/// JIT: a first searcher answers the query set twice (the JIT's first tier, then its code warm),
/// then a second searcher on the same index, opened afresh, answers it twice more. The second
/// searcher's first round against its second is the cost of its structures (norms, doc values,
/// item columns, term dictionaries opened per segment), with code the first searcher already ran.
/// </summary>
internal static class ColdStart
{
    public static void Run(string index, IReadOnlyList<string> queries)
    {
        var requests = queries.Select(q => new SearchRequest(q)).ToList();
        using (var first = CorpusSearcher.Open(index))
        {
            Console.WriteLine(Round("first searcher, round 1", first, requests));
            Console.WriteLine(Round("first searcher, round 2", first, requests));
        }

        var clock = Stopwatch.StartNew();
        using var second = CorpusSearcher.Open(index);
        second.KeepColumns();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"second searcher opened, columns read: {clock.Elapsed.TotalMilliseconds:F1} ms"));
        Console.WriteLine(Round("second searcher, round 1", second, requests));
        Console.WriteLine(Round("second searcher, round 2", second, requests));
        Console.WriteLine(Round("second searcher, round 3", second, requests));
    }

    private static string Round(string label, CorpusSearcher searcher, List<SearchRequest> requests)
    {
        var (clock, cpu) = (Stopwatch.StartNew(), ThreadCpu.ProcessMilliseconds());
        var slowest = 0.0;
        foreach (var request in requests)
        {
            var one = Stopwatch.StartNew();
            searcher.Search(request);
            slowest = Math.Max(slowest, one.Elapsed.TotalMilliseconds);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{label}: {clock.Elapsed.TotalMilliseconds:F1} ms for {requests.Count} searches (slowest {slowest:F1} ms; process CPU {ThreadCpu.ProcessMilliseconds() - cpu:F1} ms; load {File.ReadAllText("/proc/loadavg").Trim()})");
    }
}
