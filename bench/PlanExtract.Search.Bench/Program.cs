using System.Globalization;
using PlanExtract;
using PlanExtract.Benchmarking;
using PlanExtract.Corpus;
using PlanExtract.Indexing;

// In-process search latency, two ways:
// - the relevance test's judged queries on the repository's corpus: builds the index into a
//   temporary folder, warms up, then times every query many rounds and prints p50/p95;
//   dotnet run -c Release --project bench/PlanExtract.Search.Bench [-- ROUNDS [QUERIES]]
//   (QUERIES takes the first that many judged queries; 26: the set before issue 13's typed queries;
//   --per-query adds each plain query's median thread CPU);
// - the country bench's query set on the index a `planextract bench --work DIR` run kept, beside
//   the raw-text scan of DIR/corpus, so search can be timed again without a three-minute build;
//   dotnet run -c Release --project bench/PlanExtract.Search.Bench -- --work DIR [ROUNDS [WARMUPS]] [--keep]
//   (--keep: item columns and filters kept first and every core used, as the web view keeps its searcher);
// - on the same index: --work DIR --phases [ROUNDS [WARMUPS]] [--queries A,B] times each stage of a search alone
//   (Phases.cs); --work DIR --dump FILE writes every result of a fixed request set (ResultDump.cs),
//   to compare two builds of the searcher with diff;
// - --threads N with --work (no --phases): the searcher on N threads (1: the calling thread only),
//   whatever the index's size; --work DIR --compare [ROUNDS [WARMUPS]] [--queries A,B] times one
//   thread against slices on every core in one process, query by query in turn (Compare.cs);
//   --work DIR --cold: what a fresh searcher's own structures cost on first use, apart from the JIT (ColdStart.cs).
if (args.Length > 0 && args[0] == "--work")
{
    if (args.Length < 2)
    {
        Console.Error.WriteLine("error: --work needs the folder a `planextract bench --work DIR` run kept");
        return 2;
    }

    if (args.Length > 2 && args[2] == "--dump")
    {
        ResultDump.Write(new OutputLayout(Path.Combine(args[1], "output")).Index, args[3]);
        return 0;
    }

    if (args.Contains("--cold"))
    {
        ColdStart.Run(new OutputLayout(Path.Combine(args[1], "output")).Index, SearchTiming.QuerySet);
        return 0;
    }

    if (args.Contains("--phases") || args.Contains("--compare"))
    {
        // --queries a,b,c: other queries than the bench's.
        var at = Array.IndexOf(args, "--queries");
        var queries = at > 0 && at + 1 < args.Length ? args[at + 1].Split(',') : SearchTiming.QuerySet;
        var compare = args.Contains("--compare");
        args = [.. args.Where((a, i) => a != "--phases" && a != "--compare" && (at < 0 || (i != at && i != at + 1)))];
        var index = new OutputLayout(Path.Combine(args[1], "output")).Index;
        if (compare)
        {
            Compare.Run(index, Number(args, 2, 21), Number(args, 3, 20), queries);
        }
        else
        {
            Phases.Run(index, Number(args, 2, 11), Number(args, 3, 20), queries);
        }

        return 0;
    }

    var kept = args.Contains("--keep");
    var threadsAt = Array.IndexOf(args, "--threads");
    var threads = threadsAt > 0 && threadsAt + 1 < args.Length ? int.Parse(args[threadsAt + 1], CultureInfo.InvariantCulture) : 0;
    args = [.. args.Where((a, i) => a != "--keep" && (threadsAt < 0 || (i != threadsAt && i != threadsAt + 1)))];
    Country(args[1], Number(args, 2, 5), Number(args, 3, 20), kept, threads);
    return 0;
}

var perQueryWanted = args.Contains("--per-query");
args = [.. args.Where(a => a != "--per-query")];
Judged(Number(args, 0, 200), Number(args, 1, int.MaxValue), perQueryWanted);
return 0;

static void Judged(int rounds, int take, bool perQueryWanted)
{
    var root = RepoRoot();
    var queries = File.ReadLines(Path.Combine(root, "tests", "PlanExtract.Tests", "Gold", "search", "relevance.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t')[0])
        .Distinct(StringComparer.Ordinal)
        .Take(take)
        .ToList();

    var folder = Path.Combine(Path.GetTempPath(), "planextract-bench-" + Guid.NewGuid().ToString("N")[..8]);
    try
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = new CorpusReader(Pipeline.Default).ReadAll(new CorpusLayout(Path.Combine(root, "corpus")));
        var read = clock.Elapsed;
        clock.Restart();
        CorpusIndex.Write(folder, results);
        var written = clock.Elapsed;
        clock.Restart();
        using var searcher = CorpusSearcher.Open(folder);
        var opened = clock.Elapsed;

        var plain = queries.Select(q => new SearchRequest(q)).ToList();
        var filtered = queries.Select(q => new SearchRequest(q) { Plan = "women", Domain = "健康" }).ToList();
        Console.WriteLine($"corpus read {read.TotalMilliseconds:F0} ms; index written {written.TotalMilliseconds:F0} ms; opened {opened.TotalMilliseconds:F1} ms");
        Console.WriteLine($"{queries.Count} queries × {rounds} rounds, limit 10, snippets and counts included");
        var perQuery = plain.ToDictionary(q => q.Query, _ => new List<double>(), StringComparer.Ordinal);
        Print("plain queries", SearchTiming.Time(searcher, plain, warmups: 20, rounds, (q, _, cpu) => perQuery[q.Query].Add(cpu)));
        Print("with --plan women --domain 健康", SearchTiming.Time(searcher, filtered, warmups: 0, rounds));
        if (perQueryWanted)
        {
            // Thread CPU median per plain query: where a change of the mean comes from.
            foreach (var (query, samples) in perQuery)
            {
                var found = searcher.Search(new SearchRequest(query));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {SearchTiming.Percentiles(samples).P50,7:F3} ms cpu p50\t{found.TotalHits,4} items\t{query}"));
            }
        }
    }
    finally
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

// The bench's search phase again on a kept index: first as the bench times it (one warm-up
// round), then after more warm-up rounds (JIT tiering settled), each query on its own line.
static void Country(string work, int rounds, int warmups, bool kept, int threads)
{
    var index = new OutputLayout(Path.Combine(work, "output")).Index;
    var clock = System.Diagnostics.Stopwatch.StartNew();
    using var searcher = threads switch
    {
        0 => CorpusSearcher.Open(index),
        1 => CorpusSearcher.Open(index, slicedFrom: int.MaxValue),
        _ => CorpusSearcher.Open(index, slicedFrom: 0, threads),
    };
    Console.WriteLine($"{index}: opened in {clock.Elapsed.TotalMilliseconds:F0} ms; {SearchTiming.QuerySet.Count} queries × {rounds} rounds; {searcher.Slices} slices");
    if (kept)
    {
        // As the web view keeps its searcher: item columns and filters held in memory.
        clock.Restart();
        searcher.KeepColumns();
        searcher.KeepFilters();
        searcher.UseAllCores();
        Console.WriteLine($"columns kept in {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    var queries = SearchTiming.QuerySet.Select(q => new SearchRequest(q)).ToList();
    var first = new List<(int At, string Query, double Ms, double Cpu)>();
    Print("one warm-up round (as the bench)", SearchTiming.Time(searcher, queries, warmups: 1, rounds, (q, ms, cpu) => first.Add((first.Count, q.Query, ms, cpu))));
    // Where the bench's p95 (its 5th slowest search) falls: which round, which query.
    Console.WriteLine("  slowest: " + string.Join(", ", first.OrderByDescending(s => s.Ms).Take(8)
        .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Query} round {(s.At / queries.Count) + 1} {s.Ms:F1} ms (thread CPU {s.Cpu:F1})"))));
    Console.WriteLine($"  Lucene searches in slices so far: {searcher.SlicedSearches}");
    var perQuery = queries.ToDictionary(q => q.Query, _ => new List<double>(), StringComparer.Ordinal);
    Print($"after {warmups} more warm-up rounds", SearchTiming.Time(searcher, queries, warmups, rounds, (q, ms, _) => perQuery[q.Query].Add(ms)));
    foreach (var (query, samples) in perQuery)
    {
        var latency = SearchTiming.Percentiles(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {query,-8}\t{searcher.Search(new SearchRequest(query)).TotalHits,7} items\tp50 {latency.P50,7:F2} ms\tmax {latency.Max,7:F2} ms"));
    }

    var files = new CorpusLayout(Path.Combine(work, "corpus")).Documents().Select(d => d.FilePath).ToList();
    var scan = SearchTiming.ScanPerQuery(files);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scan of {files.Count} documents' text: {scan:F2} ms per query; load {Load()}"));
}

static void Print(string label, Latency latency) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: p50 {latency.P50:F3} ms, p95 {latency.P95:F3} ms, mean {latency.Mean:F3} ms, max {latency.Max:F3} ms ({latency.Samples} searches; load {Load()}){Cpu(latency)}"));

static string Cpu(Latency latency) => latency.Cpu is not { } cpu ? "" : string.Create(CultureInfo.InvariantCulture, $"\n  thread CPU: p50 {cpu.P50:F3} ms, p95 {cpu.P95:F3} ms, mean {cpu.Mean:F3} ms")
    + (latency.ProcessCpu is not { } process ? "" : string.Create(CultureInfo.InvariantCulture, $"\n  process CPU: p50 {process.P50:F3} ms, p95 {process.P95:F3} ms, mean {process.Mean:F3} ms"));

static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static int Number(string[] args, int at, int otherwise) => args.Length > at ? int.Parse(args[at], CultureInfo.InvariantCulture) : otherwise;

static string RepoRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "PlanExtract.sln")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("run from inside the repository: no PlanExtract.sln above " + AppContext.BaseDirectory);
}
