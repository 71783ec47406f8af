using PlanExtract.Web;

namespace PlanExtract.Tests.Web;

/// <summary>The warm-up the server runs as it starts: every kind of page asked for once over HTTP, and answered.</summary>
public sealed class WarmUpTests(WebFixture web) : IClassFixture<WebFixture>
{
    /// <summary>The routes of <see cref="WebServer"/>, each of which the warm-up must reach.</summary>
    internal static readonly string[] Routes = ["/", "/search?", "/tables?", "/tables/download?", "/indicator/", "/district/", "/source/"];

    [Fact]
    public async Task The_server_asks_itself_for_every_kind_of_page_and_each_answers()
    {
        var report = await web.WarmedUp.WaitAsync(TimeSpan.FromMinutes(2));
        AssertWarmedUp(report);

        // Every format the download links offer, and the searches' five kinds (a phrase, a bigram, a later page, filtered, two words).
        Assert.Equal(4, report.Pages.Count(p => p.Path.StartsWith("/tables/download?", StringComparison.Ordinal)));
        Assert.Equal(5, report.Pages.Count(p => p.Path.StartsWith("/search?", StringComparison.Ordinal)));
        Assert.Contains(report.Pages, p => p.Path.Contains("&page=5", StringComparison.Ordinal));
        Assert.Contains(report.Pages, p => p.Path.Contains("&plan=", StringComparison.Ordinal) && p.Path.Contains("&domain=", StringComparison.Ordinal));

        // The pages still answer as before once it is done.
        var (status, body) = await web.Get("/search?q=" + Uri.EscapeDataString("普惠性幼儿园") + "&plan=children");
        Assert.Equal(200, status);
        Assert.Contains("共 3 条匹配", body);
    }

    [Fact]
    public async Task A_server_told_not_to_warm_up_reports_nothing_asked()
    {
        await using var app = WebServer.Create(web.Data, new ServeOptions(Port: 0) { WarmUp = false });
        await app.StartAsync();
        var report = await WebServer.WarmedUp(app).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(report.Pages);
        Assert.Equal(0, report.SearchRounds);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_server_stopped_while_warming_up_stops_at_once()
    {
        var app = WebServer.Create(web.Data, new ServeOptions(Port: 0));
        await app.StartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await app.StopAsync();
        await ((IAsyncDisposable)app).DisposeAsync();
        var report = await WebServer.WarmedUp(app).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed}");

        // Either it was done already or it says it stopped; it asked for nothing more after.
        Assert.True(report.Failed is not null || report.SearchRounds == SiteWarmUp.SearchRounds, report.Failed);
    }

    [Theory]
    [InlineData("http://127.0.0.1:43203", "http://127.0.0.1:43203/")]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://[::]:5080", "http://[::1]:5080/")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/")]
    [InlineData("http://192.168.1.20:5080", "http://192.168.1.20:5080/")]
    public void A_server_listening_on_any_address_is_reached_on_the_loopback_one(string listening, string reached) =>
        Assert.Equal(reached, SiteWarmUp.Reach(listening).ToString());

    internal static void AssertWarmedUp(WarmUpReport report)
    {
        Assert.Null(report.Failed);
        Assert.Equal(SiteWarmUp.SearchRounds, report.SearchRounds);
        Assert.All(report.Pages, p => Assert.True(p.Status == 200, $"{p.Path}: {p.Status}"));
        Assert.All(Routes, r => Assert.Contains(report.Pages, p => p.Path == r || (r != "/" && p.Path.StartsWith(r, StringComparison.Ordinal))));
    }
}
