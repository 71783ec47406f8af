using System.Diagnostics;
using PlanExtract.Model;
using PlanExtract.Reporting;
using PlanExtract.Web.Pages;

namespace PlanExtract.Web;

/// <summary>What the warm-up asked for and how long it took; <see cref="Failed"/> says why it stopped early, if it did.</summary>
public sealed record WarmUpReport(IReadOnlyList<(string Path, int Status)> Pages, int SearchRounds, TimeSpan Took, string? Failed = null)
{
    public static WarmUpReport None { get; } = new([], 0, TimeSpan.Zero);
}

/// <summary>
/// Asks the server, over its own loopback address, for every kind of page once and four searches
/// <see cref="SearchRounds"/> times, in the background as it starts, so that a reader's first
/// request is not the one that compiles the code. At 3,200 documents the first request of a page
/// was mostly the JIT's first compile of its code (the xlsx writer, the pipeline reading a
/// district's document, SmartCn's dictionaries for a search, the endpoint's request delegate:
/// 0.2-0.6 s each, 1-2 s with tiering off), and the search pages stayed slow for dozens of requests
/// while the tiered JIT compiled the search's code again, optimised (40-120 ms of JIT per request,
/// docs/WEB.md).
/// </summary>
/// <remarks>
/// It opens the last document and the part holding it, not the first ones a reader (or the bench)
/// is likely to open first: what it leaves in the caches is not what is then timed.
/// </remarks>
public static class SiteWarmUp
{
    /// <summary>
    /// Rounds of the searches: the tiered JIT optimises a method after 30 calls, once no new code
    /// has been compiled for a moment, and a search calls most of its methods once.
    /// </summary>
    public const int SearchRounds = 40;

    /// <summary>
    /// Rounds of the search whose words no item holds together: its relaxed steps cost 100-400 ms
    /// each at 3,200 documents, so it is asked only for its first compile (SmartCn's dictionaries).
    /// </summary>
    public const int RelaxedRounds = 2;

    public static async Task<WarmUpReport> Run(SiteData data, Uri server, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var pages = new List<(string, int)>();
        var rounds = 0;
        try
        {
            using var client = new HttpClient { BaseAddress = server };
            async Task<int> Ask(string path)
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, stop);
                return (int)response.StatusCode;
            }

            var links = new ServerLinks();
            foreach (var path in Pages(data, links))
            {
                pages.Add((path, await Ask(path)));
            }

            var searches = Searches(data, links);
            for (; rounds < (searches.Count == 0 ? 0 : SearchRounds); rounds++)
            {
                foreach (var (path, _) in searches.Where(s => rounds < s.Rounds))
                {
                    var status = await Ask(path);
                    if (rounds == 0)
                    {
                        pages.Add((path, status));
                    }
                }
            }

            await JitQuiet(stop);
            return new WarmUpReport(pages, rounds, clock.Elapsed);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // Only speed is at stake: a stopping server stops warming up, and a page that failed
            // here gives its one-line error when a reader asks for it.
            return new WarmUpReport(pages, rounds, clock.Elapsed, e.Message);
        }
    }

    /// <summary>
    /// Until the JIT has compiled nothing new for a moment (at most a few seconds): it optimises the
    /// methods the warm-up called often in the background, after the calls, and a reader's first
    /// searches would otherwise share the machine with that.
    /// </summary>
    private static async Task JitQuiet(CancellationToken stop)
    {
        var quiet = Stopwatch.StartNew();
        for (var compiled = System.Runtime.JitInfo.GetCompiledMethodCount(); quiet.Elapsed < TimeSpan.FromSeconds(5);)
        {
            await Task.Delay(200, stop);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                return;
            }

            compiled = now;
        }
    }

    /// <summary>Where a client reaches a server listening on <paramref name="address"/>: any address is reached on the loopback one.</summary>
    public static Uri Reach(string address)
    {
        var uri = new Uri(address);
        var host = uri.Host.Trim('[', ']') switch
        {
            "0.0.0.0" or "+" or "*" => ServeOptions.Loopback,
            "::" => "[::1]",
            _ => uri.Host,
        };
        return new UriBuilder(uri) { Host = host }.Uri;
    }

    // One of each kind of page.
    private static List<string> Pages(SiteData data, ISiteLinks links)
    {
        var paths = new List<string> { links.Home };
        var document = data.Read.LastOrDefault();
        var downloaded = false;
        foreach (var table in data.Tables)
        {
            var whole = new TableParameters(table.Plan);
            var part = data.Country is { } country && document is not null && table.Districts.Any(d => ReferenceEquals(d.Document, document.Document))
                ? country.Parts[country.PartOf(document.Document.Source)].Folder
                : null;
            var filtered = whole with { Domain = table.Domains.LastOrDefault()?.Domain };
            paths.AddRange([links.Tables(whole), links.Tables(filtered), links.Tables(whole with { Measures = true })]);
            if (data.Country is not null)
            {
                paths.Add(links.SummaryDownload(filtered));
            }

            if (part is not null)
            {
                paths.AddRange([links.Tables(whole with { Part = part }), links.Tables(filtered with { Part = part }), links.Tables(whole with { Part = part, Measures = true })]);
            }

            if (!downloaded && (data.Country is null || part is not null))
            {
                downloaded = true;
                // One table in each format: the Office writers' first use is most of what a download costs.
                paths.AddRange(CrossTableWriters.Formats.Select(f => links.Download(whole with { Part = part }, f)));
            }
        }

        // The indicator most plans state: at country scale its page is the distribution and a list in pages.
        if (data.Read.SelectMany(r => r.Plans!.AllTargets()).Select(t => t.IndicatorId).OfType<string>().CountBy(i => i).OrderByDescending(c => c.Value).Select(c => c.Key).FirstOrDefault() is { } indicator)
        {
            paths.AddRange([links.Indicator(indicator), links.Indicator(indicator, 2)]);
        }

        if (document is not null)
        {
            var line = document.Plans!.AllTargets().Select(t => t.Line).FirstOrDefault(l => l is not null);
            paths.AddRange([links.District(document.Document.Id), links.Source(document.Document.Id, line, null)]);
        }

        return paths;
    }

    // The written name of the last document's most written indicator (one with a domain), and its
    // first two characters alone, on a later page and under its plan and domain, and the name beside
    // a second word (the relaxed steps). A
    // word many items hold takes the code a common word takes and a rare one does not (Lucene's
    // packed postings blocks, a full page of hits, facets beyond the 30 shown), and held by a few
    // thousand items at 3,200 documents it still costs a few milliseconds a search.
    private static List<(string Path, int Rounds)> Searches(SiteData data, ISiteLinks links)
    {
        if (data.Searcher is null || data.Read.LastOrDefault()?.Plans?.AllTargets().ToList() is not { Count: > 0 } targets)
        {
            return [];
        }

        var written = data.Read.SelectMany(r => r.Plans!.AllTargets()).CountBy(t => t.Indicator).ToDictionary(StringComparer.Ordinal);
        var target = targets.OrderBy(t => t.Domain is null).ThenByDescending(t => written[t.Indicator]).First();
        var other = targets.Select(t => t.Indicator).FirstOrDefault(i => i != target.Indicator) ?? target.Indicator;

        // Two characters are one bigram term (妇女, 健康), which Lucene scores with other code than a phrase of several.
        var pair = target.Indicator.Length > 2 ? target.Indicator[..2] : target.Indicator;
        return
        [
            (links.SearchPage(new(target.Indicator)), SearchRounds),
            (links.SearchPage(new(pair)), SearchRounds),
            (links.SearchPage(new(pair, Page: 5)), SearchRounds),
            (links.SearchPage(new(pair, Plan: target.Plan, Domain: target.Domain)), SearchRounds),
            (links.SearchPage(new(target.Indicator + " " + other)), RelaxedRounds),
        ];
    }
}
