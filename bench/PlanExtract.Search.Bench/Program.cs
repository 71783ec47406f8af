using System.Diagnostics;
using System.Globalization;
using PlanExtract;
using PlanExtract.Corpus;
using PlanExtract.Indexing;

// In-process search latency over the relevance test's queries: builds the index from the corpus
// into a temporary folder, warms up, then times every query many rounds and prints p50/p95.
// Run: dotnet run -c Release --project bench/PlanExtract.Search.Bench [-- ROUNDS [QUERIES]]
// QUERIES takes the first that many judged queries (26: the set before issue 13's typed queries).
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var take = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : int.MaxValue;
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
    var clock = Stopwatch.StartNew();
    var results = new CorpusReader(Pipeline.Default).ReadAll(new CorpusLayout(Path.Combine(root, "corpus")));
    var read = clock.Elapsed;
    clock.Restart();
    CorpusIndex.Write(folder, results);
    var written = clock.Elapsed;
    clock.Restart();
    using var searcher = CorpusSearcher.Open(folder);
    var opened = clock.Elapsed;

    var filtered = queries.Select(q => new SearchRequest(q) { Plan = "women", Domain = "健康" }).ToList();
    Run("warm-up", [.. queries.Select(q => new SearchRequest(q))], 20, searcher, print: false);
    Console.WriteLine($"corpus read {read.TotalMilliseconds:F0} ms; index written {written.TotalMilliseconds:F0} ms; opened {opened.TotalMilliseconds:F1} ms");
    Console.WriteLine($"{queries.Count} queries × {rounds} rounds, limit 10, snippets and counts included");
    Run("plain queries", [.. queries.Select(q => new SearchRequest(q))], rounds, searcher, print: true);
    Run("with --plan women --domain 健康", filtered, rounds, searcher, print: true);
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

static void Run(string label, IReadOnlyList<SearchRequest> requests, int rounds, CorpusSearcher searcher, bool print)
{
    var samples = new List<double>(requests.Count * rounds);
    var clock = new Stopwatch();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var request in requests)
        {
            clock.Restart();
            searcher.Search(request);
            samples.Add(clock.Elapsed.TotalMicroseconds);
        }
    }

    if (!print)
    {
        return;
    }

    samples.Sort();
    double At(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)] / 1000;
    Console.WriteLine($"{label}: p50 {At(0.50):F3} ms, p95 {At(0.95):F3} ms, p99 {At(0.99):F3} ms, mean {samples.Average() / 1000:F3} ms ({samples.Count} searches)");
}

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
