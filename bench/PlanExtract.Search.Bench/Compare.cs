using System.Diagnostics;
using System.Globalization;
using PlanExtract.Benchmarking;
using PlanExtract.Indexing;

/// <summary>
/// One thread against the segments in slices (<c>--compare</c>), in one process on one index:
/// two searchers, one searching on the calling thread only and one in slices on every core
/// (<see cref="SlicedSearcher"/>, whatever the index's size), each query timed on both in turn
/// (which goes first alternates by round), after warm-up rounds on both. Same JIT state and the
/// same moment's load for both, which two processes run one after the other do not share.
/// </summary>
internal static class Compare
{
    public static void Run(string index, int rounds, int warmups, IReadOnlyList<string> queries)
    {
        using var serial = CorpusSearcher.Open(index, slicedFrom: int.MaxValue);
        using var sliced = CorpusSearcher.Open(index, slicedFrom: 0);
        var requests = queries.Select(q => new SearchRequest(q)).ToList();
        for (var round = 0; round < warmups; round++)
        {
            foreach (var request in requests)
            {
                serial.Search(request);
                sliced.Search(request);
            }
        }

        var (one, many) = (new Samples(), new Samples());
        var perQuery = queries.ToDictionary(q => q, _ => (One: new List<double>(), Many: new List<double>()), StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var request in requests)
            {
                var samples = perQuery[request.Query];
                if (round % 2 == 0)
                {
                    samples.One.Add(one.Time(serial, request));
                    samples.Many.Add(many.Time(sliced, request));
                }
                else
                {
                    samples.Many.Add(many.Time(sliced, request));
                    samples.One.Add(one.Time(serial, request));
                }
            }
        }

        Console.WriteLine($"{index}: {queries.Count} queries × {rounds} rounds after {warmups} warm-up rounds, each on both searchers in turn; {sliced.Slices} slices");
        one.Print("one thread");
        many.Print($"{sliced.Slices} slices");
        Console.WriteLine("query\titems\tone thread p50 ms\tslices p50 ms\tratio");
        foreach (var (query, samples) in perQuery)
        {
            var (a, b) = (SearchTiming.Percentiles(samples.One).P50, SearchTiming.Percentiles(samples.Many).P50);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query}\t{serial.Search(new SearchRequest(query)).TotalHits}\t{a:F3}\t{b:F3}\t{a / b:F2}"));
        }
    }

    private sealed class Samples
    {
        private readonly List<double> _wall = [];
        private readonly List<double> _process = [];
        private readonly Stopwatch _clock = new();

        public double Time(CorpusSearcher searcher, SearchRequest request)
        {
            var process = ThreadCpu.ProcessMilliseconds();
            _clock.Restart();
            searcher.Search(request);
            var ms = _clock.Elapsed.TotalMilliseconds;
            _process.Add(ThreadCpu.ProcessMilliseconds() - process);
            _wall.Add(ms);
            return ms;
        }

        public void Print(string label)
        {
            var (wall, cpu) = (SearchTiming.Percentiles([.. _wall]), SearchTiming.Percentiles([.. _process]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: p50 {wall.P50:F3} ms, p95 {wall.P95:F3} ms, mean {wall.Mean:F3} ms; process CPU mean {cpu.Mean:F3} ms (load {File.ReadAllText("/proc/loadavg").Trim()})"));
        }
    }
}
