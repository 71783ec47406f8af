using Microsoft.AspNetCore.Builder;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Web;

namespace PlanExtract.Tests.Web;

/// <summary>
/// A corpus built into a temporary output folder and served in process on a free loopback port:
/// the repository's corpus by default, or any corpus a test writes.
/// </summary>
public sealed class WebFixture : IDisposable
{
    private readonly string _folder;
    private readonly WebApplication _app;

    public WebFixture()
        : this(RepoPaths.Corpus)
    {
    }

    internal WebFixture(string corpus)
    {
        _folder = Path.Combine(Path.GetTempPath(), "planextract-web-" + Guid.NewGuid().ToString("N")[..8]);
        Output = Path.Combine(_folder, "output");
        CorpusBuild.Run(new CorpusLayout(corpus), Output, new BuildOptions(Full: true, Tables: false));
        Data = SiteData.Load(new SiteSources(corpus, new OutputLayout(Output).Index));
        _app = WebServer.Create(Data, new ServeOptions(Port: 0));
        _app.StartAsync().GetAwaiter().GetResult();
        Address = WebServer.Addresses(_app)[0];
        Client = new HttpClient { BaseAddress = new Uri(Address) };
    }

    public string Output { get; }

    public string Address { get; }

    public SiteData Data { get; }

    public HttpClient Client { get; }

    /// <summary>The warm-up the server started with (<see cref="SiteWarmUp"/>).</summary>
    public Task<WarmUpReport> WarmedUp => WebServer.WarmedUp(_app);

    public async Task<(int Status, string Body)> Get(string path)
    {
        using var response = await Client.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        Client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
        Data.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
