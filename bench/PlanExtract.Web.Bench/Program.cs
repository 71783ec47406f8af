using System.Diagnostics;
using System.Globalization;
using PlanExtract;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Web;

// Page times of the web view: starts the server on a free loopback port, warms up, then requests
// every page many rounds and prints p50/p95 of the whole request (loopback HTTP included) per page.
// On the repository's corpus (the index built into a temporary folder first):
//   dotnet run -c Release --project bench/PlanExtract.Web.Bench [-- ROUNDS]
// On the synthetic corpus and index a `planextract bench --work DIR` run kept (3,200 documents):
//   dotnet run -c Release --project bench/PlanExtract.Web.Bench -- ROUNDS --work DIR
// The server warms up in the background as it starts (SiteWarmUp), and the bench waits for that
// before its first requests; --no-warm-up times a server that does not (the first requests then
// compile the code).
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var work = args.Length > 2 && args[1] == "--work" ? args[2] : null;
var warmUp = !args.Contains("--no-warm-up");
var corpus = work is null ? Path.Combine(RepoRoot(), "corpus") : Path.Combine(work, "corpus");
var folder = work is null ? Path.Combine(Path.GetTempPath(), "planextract-web-bench-" + Guid.NewGuid().ToString("N")[..8]) : Path.Combine(work, "output");
try
{
    var clock = Stopwatch.StartNew();
    if (work is null)
    {
        CorpusBuild.Run(new CorpusLayout(corpus), folder, new BuildOptions(Full: true, Tables: false));
    }

    var built = clock.Elapsed;
    clock.Restart();
    using var data = SiteData.Load(new SiteSources(corpus, new OutputLayout(folder).Index));
    var loaded = clock.Elapsed;
    // The working set once the site holds what it loaded: a full GC first, so garbage of the load is not counted.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var loadedSet = Environment.WorkingSet;
    var loadedPeak = Process.GetCurrentProcess().PeakWorkingSet64;
    clock.Restart();
    await using var app = WebServer.Create(data, new ServeOptions(Port: 0) { WarmUp = warmUp });
    await app.StartAsync();
    var warm = await WebServer.WarmedUp(app);
    Console.WriteLine(warmUp
        ? string.Create(CultureInfo.InvariantCulture, $"warm-up: {warm.Pages.Count} pages ({warm.Pages.Count(p => p.Status != 200)} not 200) and {warm.SearchRounds} rounds of {warm.Pages.Count(p => p.Path.StartsWith("/search", StringComparison.Ordinal))} searches in {warm.Took.TotalSeconds:F1} s, done {clock.Elapsed.TotalSeconds:F1} s after the server was made{(warm.Failed is null ? string.Empty : "; stopped: " + warm.Failed)}; load {Load()}")
        : "no warm-up");
    using var client = new HttpClient { BaseAddress = new Uri(WebServer.Addresses(app)[0]) };

    // The repository's 清城区, or the first synthetic district, with a line that holds a goal.
    var document = data.Read.FirstOrDefault(d => d.Document.Id == "广东省_清远市_清城区") ?? data.Read[0];
    var district = Uri.EscapeDataString(document.Document.Id);
    var line = document.Plans!.AllTargets().First(t => t.Line is not null).Line;
    var indicator = Uri.EscapeDataString(data.IndicatorIds.Contains("孕产妇死亡率") ? "孕产妇死亡率" : data.IndicatorIds[0]);
    // At country scale the tables come per province or city: time the part holding the district, and the summary.
    var part = data.Country is { } country ? country.Parts[country.PartOf(document.Document.Source)].Folder : null;
    var partQuery = part is null ? string.Empty : "&part=" + Uri.EscapeDataString(part);
    (string Label, string Path)[] pages =
    [
        ("home", "/"),
        ("search 普惠性幼儿园", "/search?q=" + Uri.EscapeDataString("普惠性幼儿园")),
        ("search 妇女 page 1", "/search?q=" + Uri.EscapeDataString("妇女")),
        ("search 妇女 page 5", "/search?q=" + Uri.EscapeDataString("妇女") + "&page=5"),
        ("search 健康 plan+domain", "/search?q=" + Uri.EscapeDataString("健康") + "&plan=women&domain=" + Uri.EscapeDataString("健康")),
        ("tables women", "/tables?plan=women"),
        ("tables children", "/tables?plan=children"),
        ("tables women 健康", "/tables?plan=women&domain=" + Uri.EscapeDataString("健康")),
        ("measures women", "/tables?plan=women&view=measures"),
        .. PartPages(part, partQuery),
        (part is null ? "download women xlsx" : "download part xlsx", "/tables/download?plan=women&format=xlsx" + partQuery),
        (part is null ? "download women md" : "download summary md", "/tables/download?plan=women&format=md"),
        ("indicator " + Uri.UnescapeDataString(indicator), "/indicator/" + indicator),
        ("district " + document.Document.Metadata.DisplayName, "/district/" + district),
        ($"source line {line}", "/source/" + district + "?line=" + line),
    ];

    var warmups = work is null ? 20 : 2;
    foreach (var (label, path) in pages)
    {
        for (var i = 0; i < warmups; i++)
        {
            clock.Restart();
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
            if (i == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first request {label}: {clock.Elapsed.TotalMilliseconds:F0} ms"));
            }
        }
    }

    Console.WriteLine($"{data.Read.Count} documents; index built {built.TotalMilliseconds:F0} ms; site loaded {loaded.TotalMilliseconds:F0} ms; {warmups} warm-up and {rounds} timed requests per page; load {Load()}");
    // CPU of the whole process (server, client, GC) per request: what a page costs on a machine the
    // other agents' load does not share; the wall-clock columns move 1.3-5x with that load. The GC's
    // pauses and the JIT's compiles per request (a few rounds still run tier-0 code) say how much of
    // it is neither the page nor the search.
    Console.WriteLine($"{"page",-28} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"cpu ms",8} {"gc ms",7} {"jit ms",7} {"gen2",4} {"bytes",9}");
    foreach (var (label, path) in pages)
    {
        var samples = new List<double>(rounds);
        long bytes = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (paused, jitted, gen2) = (GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompilationTime(), GC.CollectionCount(2));
        for (var round = 0; round < rounds; round++)
        {
            clock.Restart();
            var body = await client.GetByteArrayAsync(path);
            samples.Add(clock.Elapsed.TotalMilliseconds);
            bytes = body.Length;
        }

        var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / samples.Count;
        var gcPerRequest = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / samples.Count;
        var jitPerRequest = (System.Runtime.JitInfo.GetCompilationTime() - jitted).TotalMilliseconds / samples.Count;
        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-28} {samples[samples.Count / 2],8:F2} {samples[(int)(samples.Count * 0.95)],8:F2} {samples[^1],8:F2} {cpuPerRequest,8:F2} {gcPerRequest,7:F2} {jitPerRequest,7:F2} {GC.CollectionCount(2) - gen2,4} {bytes,9}"));
    }

    Console.WriteLine($"load {Load()}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"site loaded in {loaded.TotalSeconds:F1} s; working set after load {loadedSet / 1048576.0:F0} MB (peak during load {loadedPeak / 1048576.0:F0} MB); peak over the run {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
    await app.StopAsync();
}
finally
{
    if (work is null)
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

static (string Label, string Path)[] PartPages(string? part, string partQuery) => part is null ? [] :
[
    ("tables women part", "/tables?plan=women" + partQuery),
    ("tables women part 健康", "/tables?plan=women&domain=" + Uri.EscapeDataString("健康") + partQuery),
    ("measures women part", "/tables?plan=women&view=measures" + partQuery),
];

static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PlanExtract.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("PlanExtract.sln not found");
}
