using System.Diagnostics;
using System.Globalization;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Web;

// Page times of the web view on the repository's corpus: builds the index into a temporary
// folder, starts the server on a free loopback port, warms up, then requests every page many
// rounds and prints p50/p95 of the whole request (loopback HTTP included) per page.
// Run: dotnet run -c Release --project bench/PlanExtract.Web.Bench [-- ROUNDS]
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var root = RepoRoot();
var corpus = Path.Combine(root, "corpus");
var folder = Path.Combine(Path.GetTempPath(), "planextract-web-bench-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    var clock = Stopwatch.StartNew();
    CorpusBuild.Run(new CorpusLayout(corpus), folder, new BuildOptions(Full: true, Tables: false));
    var built = clock.Elapsed;
    clock.Restart();
    using var data = SiteData.Load(new SiteSources(corpus, new OutputLayout(folder).Index));
    var loaded = clock.Elapsed;
    await using var app = WebServer.Create(data, new ServeOptions(Port: 0));
    await app.StartAsync();
    using var client = new HttpClient { BaseAddress = new Uri(WebServer.Addresses(app)[0]) };

    var district = Uri.EscapeDataString("广东省_清远市_清城区");
    var pages = new (string Label, string Path)[]
    {
        ("home", "/"),
        ("search 普惠性幼儿园", "/search?q=" + Uri.EscapeDataString("普惠性幼儿园")),
        ("search 妇女 page 1", "/search?q=" + Uri.EscapeDataString("妇女")),
        ("search 妇女 page 5", "/search?q=" + Uri.EscapeDataString("妇女") + "&page=5"),
        ("search 健康 plan+domain", "/search?q=" + Uri.EscapeDataString("健康") + "&plan=women&domain=" + Uri.EscapeDataString("健康")),
        ("tables women", "/tables?plan=women"),
        ("tables children", "/tables?plan=children"),
        ("tables women 健康", "/tables?plan=women&domain=" + Uri.EscapeDataString("健康")),
        ("measures women", "/tables?plan=women&view=measures"),
        ("download women xlsx", "/tables/download?plan=women&format=xlsx"),
        ("download women md", "/tables/download?plan=women&format=md"),
        ("indicator 孕产妇死亡率", "/indicator/" + Uri.EscapeDataString("孕产妇死亡率")),
        ("district 清城区", "/district/" + district),
        ("source 清城区 line 93", "/source/" + district + "?line=93"),
    };

    foreach (var (_, path) in pages)
    {
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }
    }

    Console.WriteLine($"{data.Read.Count} documents; index built {built.TotalMilliseconds:F0} ms; site loaded {loaded.TotalMilliseconds:F0} ms; {rounds} rounds per page");
    Console.WriteLine($"{"page",-28} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"bytes",9}");
    foreach (var (label, path) in pages)
    {
        var samples = new List<double>(rounds);
        long bytes = 0;
        for (var round = 0; round < rounds; round++)
        {
            clock.Restart();
            var body = await client.GetByteArrayAsync(path);
            samples.Add(clock.Elapsed.TotalMilliseconds);
            bytes = body.Length;
        }

        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-28} {samples[samples.Count / 2],8:F2} {samples[(int)(samples.Count * 0.95)],8:F2} {samples[^1],8:F2} {bytes,9}"));
    }

    await app.StopAsync();
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
