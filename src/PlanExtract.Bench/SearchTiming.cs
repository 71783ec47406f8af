using System.Diagnostics;
using PlanExtract.Indexing;
using PlanExtract.Reading;

namespace PlanExtract.Benchmarking;

/// <summary>Percentiles of one timed series, in milliseconds.</summary>
/// <param name="Cpu">
/// The same percentiles of the searching thread's own CPU time (Linux; null elsewhere): what a
/// search costs, which other work on a shared machine inflates far less than its wall time.
/// </param>
/// <param name="ProcessCpu">
/// The whole process's CPU time over each search (Linux; null elsewhere): with the segments
/// searched on several threads the searching thread's own time is only part of the work. It also
/// holds what the runtime did meanwhile (the JIT's second tier, the collector).
/// </param>
public sealed record Latency(double P50, double P95, double Mean, double Max, int Samples, Latency? Cpu = null, Latency? ProcessCpu = null);

/// <summary>
/// The bench's search phase on a built index: a fixed query set timed in rounds, and the raw-text
/// scan it is judged against. Shared by <see cref="BenchRunner"/> and bench/PlanExtract.Search.Bench,
/// which times an index a bench run kept (<c>--work</c>) without building it again.
/// </summary>
public static class SearchTiming
{
    /// <summary>
    /// Fixed queries: indicators and topics every plan has (so each matches thousands of items at
    /// country scale) and a few rarer ones. Bare Chinese words, which search treats as phrases and
    /// the scan as substrings, so both look for the same thing.
    /// </summary>
    public static IReadOnlyList<string> QuerySet { get; } =
    [
        "孕产妇死亡率", "婴儿死亡率", "宫颈癌", "乳腺癌", "义务教育", "学前教育", "家庭暴力", "托育",
        "近视", "心理健康", "母乳喂养", "儿童之家", "性别平等", "就业", "留守儿童", "出生缺陷",
        "妇女参与", "体育锻炼", "未成年人保护", "贫血",
    ];

    /// <summary>
    /// Runs <paramref name="warmups"/> untimed rounds over <paramref name="queries"/>, then
    /// <paramref name="rounds"/> timed ones, every search with snippets and facet counts.
    /// </summary>
    /// <param name="each">Receives every timed sample (query, wall and thread CPU milliseconds), for a per-query breakdown.</param>
    public static Latency Time(CorpusSearcher searcher, IReadOnlyList<SearchRequest> queries, int warmups, int rounds, Action<SearchRequest, double, double>? each = null)
    {
        for (var round = 0; round < warmups; round++)
        {
            foreach (var query in queries)
            {
                searcher.Search(query);
            }
        }

        var samples = new List<double>(queries.Count * rounds);
        var cpuSamples = new List<double>(queries.Count * rounds);
        var processSamples = new List<double>(queries.Count * rounds);
        var clock = new Stopwatch();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in queries)
            {
                var (cpu, process) = (ThreadCpu.Milliseconds(), ThreadCpu.ProcessMilliseconds());
                clock.Restart();
                searcher.Search(query);
                var ms = clock.Elapsed.TotalMilliseconds;
                var cpuMs = ThreadCpu.Milliseconds() - cpu;
                processSamples.Add(ThreadCpu.ProcessMilliseconds() - process);
                cpuSamples.Add(cpuMs);
                samples.Add(ms);
                each?.Invoke(query, ms, cpuMs);
            }
        }

        return Percentiles(samples) with
        {
            Cpu = ThreadCpu.Available ? Percentiles(cpuSamples) : null,
            ProcessCpu = ThreadCpu.Available ? Percentiles(processSamples) : null,
        };
    }

    /// <summary>p50, p95 (nearest rank), mean and max of a series.</summary>
    public static Latency Percentiles(List<double> samples)
    {
        samples.Sort();
        double At(double p) => samples[Math.Clamp((int)Math.Ceiling(p * samples.Count) - 1, 0, samples.Count - 1)];
        return new Latency(At(0.50), At(0.95), samples.Average(), samples[^1], samples.Count);
    }

    /// <summary>The raw-text baseline: every occurrence of each query term in all the text, ordinal search, text already in memory.</summary>
    public static double ScanPerQuery(IEnumerable<string> files)
    {
        var texts = files.Select(f => TextDecoder.Decode(f, File.ReadAllBytes(f))).ToList();
        var found = 0L;
        var clock = Stopwatch.StartNew();
        foreach (var query in QuerySet)
        {
            foreach (var text in texts)
            {
                for (var at = text.IndexOf(query, StringComparison.Ordinal); at >= 0; at = text.IndexOf(query, at + query.Length, StringComparison.Ordinal))
                {
                    found++;
                }
            }
        }

        var perQuery = clock.Elapsed.TotalMilliseconds / QuerySet.Count;
        GC.KeepAlive(found);
        return perQuery;
    }
}

/// <summary>The calling thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), nanosecond resolution; the process's likewise.</summary>
public static class ThreadCpu
{
    private const int ClockProcessCpuTime = 2;
    private const int ClockThreadCpuTime = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux();

    public static double Milliseconds()
    {
        if (!Available)
        {
            return 0;
        }

        ClockGetTime(ClockThreadCpuTime, out var time);
        return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
    }

    /// <summary>Every thread of the process, the searcher's helpers included (CLOCK_PROCESS_CPUTIME_ID).</summary>
    public static double ProcessMilliseconds()
    {
        if (!Available)
        {
            return 0;
        }

        ClockGetTime(ClockProcessCpuTime, out var time);
        return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
    }

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
