using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PlanExtract.Model;
using PlanExtract.Reporting;
using PlanExtract.Web.Pages;

namespace PlanExtract.Web;

/// <summary>Where <c>serve</c> listens: the loopback address unless told otherwise; port 0 takes a free one.</summary>
public sealed record ServeOptions(string Host = ServeOptions.Loopback, int Port = ServeOptions.DefaultPort)
{
    public const string Loopback = "127.0.0.1";
    public const int DefaultPort = 5080;

    /// <summary>Ask for each kind of page in the background as the server starts (<see cref="SiteWarmUp"/>).</summary>
    public bool WarmUp { get; init; } = true;
}

/// <summary>
/// The web view of <c>planextract serve</c>: read-only pages over the data <see cref="SiteData"/>
/// holds. Only GET is answered; nothing a request sends is written anywhere.
/// </summary>
public static class WebServer
{
    // Scripts and styles only from the site itself: a document that smuggled markup past the
    // escaping still could not run a script.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WebApplication, Task<WarmUpReport>> WarmUps = [];

    private static readonly Dictionary<string, string> DownloadTypes = new(StringComparer.Ordinal)
    {
        ["md"] = "text/markdown; charset=utf-8",
        ["csv"] = "text/csv; charset=utf-8",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>The application, not yet started: <c>StartAsync</c> then <see cref="Addresses"/>, or <c>Run</c>.</summary>
    public static WebApplication Create(SiteData data, ServeOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(WebServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        var host = options.Host.Contains(':', StringComparison.Ordinal) ? $"[{options.Host}]" : options.Host;
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{options.Port}"));
        var app = builder.Build();
        var warmUp = new TaskCompletionSource<WarmUpReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        WarmUps.AddOrUpdate(app, warmUp.Task);
        if (options.WarmUp)
        {
            var started = false;
            app.Lifetime.ApplicationStarted.Register(() => Volatile.Write(ref started, true));
            app.Lifetime.ApplicationStarted.Register(() => Task.Run(async () =>
            {
                try
                {
                    warmUp.SetResult(await SiteWarmUp.Run(data, SiteWarmUp.Reach(app.Urls.First()), app.Lifetime.ApplicationStopping));
                }
                catch (Exception e)
                {
                    // Whatever went wrong, only speed is at stake: the server serves on, and stopping does not wait for a warm-up that never ends.
                    warmUp.SetResult(WarmUpReport.None with { Failed = e.Message });
                }
            }));

            // The site's data is disposed once the server has stopped: the page the warm-up has in hand finishes first.
            // A server that never started has no warm-up to wait for.
            app.Lifetime.ApplicationStopping.Register(() => _ = Volatile.Read(ref started) && warmUp.Task.Wait(TimeSpan.FromSeconds(30)));
        }
        else
        {
            warmUp.SetResult(WarmUpReport.None);
        }
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            try
            {
                await next(context);
            }
            catch (Exception e) when (e is PlanExtractException or IOException && !context.Response.HasStarted)
            {
                // One line, as the command line does; never a stack trace.
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("error: " + e.Message);
            }
        });

        var links = new ServerLinks();
        app.MapGet("/", () => Page(HomePage.Render(data, links)));
        app.MapGet("/search", (HttpRequest r) => Page(SearchPage.Render(data, links, new SearchParameters(
            Value(r, "q"), Value(r, "district"), Value(r, "plan"), Value(r, "domain"), Value(r, "section"),
            int.TryParse(Value(r, "page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1))));
        app.MapGet("/tables", (HttpRequest r) => TableParameters(r) is { } p
            ? Page(TablesPage.Render(data, links, p, filters: true))
            : BadRequest(links, "plan 只能是 women 或 children"));
        app.MapGet("/tables/download", (HttpRequest r) =>
        {
            var format = Value(r, "format") ?? "md";
            if (TableParameters(r) is not { } p || !DownloadTypes.TryGetValue(format, out var type))
            {
                return BadRequest(links, "plan 只能是 women 或 children，format 只能是 " + string.Join("、", CrossTableWriters.Formats));
            }

            return TablesPage.Download(data, p, format, out var refused) is { } file
                ? Results.File(file, type, data.Country is not null && p.PartName is null ? StaticLinks.SummaryFile(p.Plan) : StaticLinks.DownloadFile(p.Plan, format, p.PartName))
                : BadRequest(links, refused!);
        });
        app.MapGet("/indicator/{id}", (string id, HttpRequest r) => Page(IndicatorPage.Render(data, links, id,
            int.TryParse(Value(r, "page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1)));
        app.MapGet("/district/{id}", (string id) => Page(DistrictPage.Render(data, links, id)));
        app.MapGet("/source/{id}", (string id, HttpRequest r) => Page(SourcePage.Render(data, links, id,
            int.TryParse(Value(r, "line"), NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : null)));
        foreach (var name in SiteAssets.Names)
        {
            var bytes = SiteAssets.Read(name);
            app.MapGet("/" + name, () => Results.Bytes(bytes, SiteAssets.ContentType(name)));
        }

        return app;
    }

    /// <summary>Done when the warm-up started with the application has asked for every page it asks for.</summary>
    public static Task<WarmUpReport> WarmedUp(WebApplication app) =>
        WarmUps.TryGetValue(app, out var warmUp) ? warmUp : Task.FromResult(WarmUpReport.None);

    /// <summary>Where the started application listens, the free port filled in.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) => [.. app.Urls];

    private static IResult Page(PageResult page) => Results.Content(page.Html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, page.Status);

    private static IResult BadRequest(ISiteLinks links, string reason) =>
        Page(new PageResult(400, Layout.Page(links, "请求有误", html => html.Element("h1", "请求有误").Element("p", reason, "error"))));

    private static TableParameters? TableParameters(HttpRequest r)
    {
        var plan = Value(r, "plan") is { } name ? PlanKindNames.Parse(name) : PlanKind.Women;
        return plan is { } kind ? new TableParameters(kind, Value(r, "domain"), Value(r, "indicator"), Value(r, "view") == "measures", Value(r, "part")) : null;
    }

    private static string? Value(HttpRequest r, string name) => r.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
