using System.Diagnostics;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Tests.Cli;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace PlanExtract.Tests.Web;

/// <summary>
/// The web view in a real browser: <c>planextract serve</c> started as its own process on a free
/// loopback port, driven through Debian's headless Chromium (no browser download). The pages are
/// used as a reader would: type a query, click a facet, open a hit's source, download a table,
/// open an indicator. Screenshots go to the test output folder, screenshots/.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output)
{
    /// <summary>Where Debian's chromium package puts the browser; .ci/run installs it when missing.</summary>
    private const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumFlags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_reader_searches_filters_reads_the_source_downloads_a_table_and_opens_an_indicator()
    {
        var chromium = Environment.GetEnvironmentVariable("PLANEXTRACT_CHROMIUM") ?? DefaultChromium;
        Assert.True(File.Exists(chromium), $"{chromium} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does");

        using var temp = new TempFolder();
        var outFolder = Path.Combine(temp.Path, "output");
        CorpusBuild.Run(new CorpusLayout(RepoPaths.Corpus), outFolder, new BuildOptions(Full: true, Tables: false));
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        var downloads = Path.Combine(temp.Path, "downloads");
        Directory.CreateDirectory(downloads);

        using var server = await ServeProcess.Start(new OutputLayout(outFolder).Index, RepoPaths.Corpus);
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumFlags, Timeout = (int)Patience.TotalMilliseconds });
        await using var page = await browser.NewPageAsync();
        page.DefaultTimeout = (int)Patience.TotalMilliseconds;
        await page.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });

        // Type a query and see hits.
        // Under a filter the search answers as written (README: --plan children finds 3 items).
        await page.GoToAsync(server.Address + "search?plan=children");
        await page.TypeAsync("input[name=q]", "普惠性幼儿园");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("Enter"));
        Assert.Contains("q=", page.Url);
        Assert.Equal(3, (await page.QuerySelectorAllAsync("li.hit")).Length);
        Assert.Equal(3, (await page.QuerySelectorAllAsync("li.hit mark")).Length);
        await Shoot(page, screenshots, "search.png");

        // Click a facet: the district filter goes into the address and the count follows.
        var facet = await page.QuerySelectorAsync("a.facet");
        var facetText = await facet.EvaluateFunctionAsync<string>("a => a.textContent");
        await Task.WhenAll(page.WaitForNavigationAsync(), facet.ClickAsync());
        Assert.Contains("district=", page.Url);
        Assert.Single(await page.QuerySelectorAllAsync("li.hit"));
        Assert.Contains(facetText.Split(' ')[0], await page.EvaluateExpressionAsync<string>("document.querySelector('li.hit .meta').textContent"));
        await Shoot(page, screenshots, "search-facet.png");

        // Open the hit's source view: the item is highlighted and scrolled into view.
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("li.hit a.src"));
        Assert.Contains("/source/", page.Url);
        await page.WaitForSelectorAsync(".text .l.hit");
        var hitLine = await page.EvaluateExpressionAsync<string>("document.querySelector('.text .l.hit span').textContent");
        Assert.Contains("普惠性幼儿园", hitLine);
        var inView = await page.EvaluateExpressionAsync<bool>("(() => { const r = document.querySelector('.text .l.hit').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })()");
        Assert.True(inView, "the highlighted item is not scrolled into view");
        Assert.True(await page.EvaluateExpressionAsync<bool>("!!document.querySelector('aside .targets:not([hidden]) li')"), "the item's targets are not shown beside it");
        await Shoot(page, screenshots, "source.png");

        // Open a table and download the xlsx.
        await page.GoToAsync(server.Address + "tables?plan=women");
        await page.Client.SendAsync("Browser.setDownloadBehavior", new Dictionary<string, object> { ["behavior"] = "allow", ["downloadPath"] = downloads });
        await Shoot(page, screenshots, "tables.png");
        await page.ClickAsync("a.download-xlsx");
        var xlsx = await Downloaded(downloads, "women.xlsx");
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(xlsx)[..2]);

        // Open an indicator page from the table: bars drawn on the server, sorted, with sources.
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("a[href='/indicator/" + Uri.EscapeDataString("孕产妇死亡率") + "']"));
        Assert.Equal(4, (await page.QuerySelectorAllAsync("svg.bars rect")).Length);
        Assert.Equal(4, (await page.QuerySelectorAllAsync("table.values a.v")).Length);
        await Shoot(page, screenshots, "indicator.png");

        // The same page at phone width: nothing wider than the screen but the scrolling tables.
        await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844, IsMobile = true });
        await page.ReloadAsync();
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page is wider than a phone");
        await Shoot(page, screenshots, "indicator-phone.png");
    }

    private async Task Shoot(IPage page, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = false });
        output.WriteLine("screenshot: " + path);
    }

    private static async Task<string> Downloaded(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path) || Directory.EnumerateFiles(folder, "*.crdownload").Any())
        {
            Assert.True(clock.Elapsed < Patience, $"{name} was not downloaded; the folder holds: {string.Join(", ", Directory.EnumerateFiles(folder).Select(Path.GetFileName))}");
            await Task.Delay(100);
        }

        return path;
    }

    /// <summary><c>planextract serve --port 0</c> as a child process; its first stdout line names the address.</summary>
    private sealed class ServeProcess : IDisposable
    {
        private readonly Process _process;

        private ServeProcess(Process process, string address) => (_process, Address) = (process, address);

        /// <summary>The root of the site, ending in '/'.</summary>
        public string Address { get; }

        public static async Task<ServeProcess> Start(string index, string corpus)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "planextract.dll"), "serve", "--port", "0", "--index", index, "--corpus", corpus })
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Patience);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("serving ", StringComparison.Ordinal))
                {
                    return new ServeProcess(process, line["serving ".Length..]);
                }
            }

            await process.WaitForExitAsync(timeout.Token);
            throw new InvalidOperationException($"serve stopped before listening (exit {process.ExitCode}): {await errors}");
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
