using PlanExtract.Model;
using PlanExtract.Reporting;
using PlanExtract.Web.Pages;

namespace PlanExtract.Web;

/// <summary>What <c>publish</c> wrote.</summary>
public sealed record PublishSummary(string Folder, int Pages, int Downloads);

/// <summary>
/// The site as a folder of files for publishing without a server: the tables (and their downloads),
/// an indicator page per indicator, a district page and a source view per document. There is no
/// search: that needs the index and a server.
/// </summary>
public static class StaticSite
{
    public static PublishSummary Publish(SiteData data, string folder)
    {
        Directory.CreateDirectory(folder);
        var links = new StaticLinks();
        var pages = 0;
        var downloads = 0;
        void Write(string file, PageResult page)
        {
            File.WriteAllText(Path.Combine(folder, file), page.Html);
            pages++;
        }

        Write(links.Home, HomePage.Render(data, links));
        void Download(string file, byte[]? bytes)
        {
            File.WriteAllBytes(Path.Combine(folder, file), bytes!);
            downloads++;
        }

        foreach (var plan in new[] { PlanKind.Women, PlanKind.Children })
        {
            // For a country, the pages a link can reach: the summary, each split province's list of
            // cities, and each part's tables and files, as build lays them out under tables/.
            var whole = new TableParameters(plan);
            var table = TablesPage.Table(data, whole);
            var parts = data.Country is { } country && table is not null
                ? [.. Enumerable.Range(0, country.Parts.Count).Where(p => country.Columns(table, p).Count > 0).Select(p => country.Parts[p])]
                : new List<TablePart>();
            string?[] names = [null, .. parts.Where(t => t.Split).Select(t => t.Province).Distinct(StringComparer.Ordinal), .. parts.Select(t => t.Folder)];
            foreach (var name in names)
            {
                var p = whole with { Part = name };
                Write(StaticLinks.TablesFile(plan, measures: false, name), TablesPage.Render(data, links, p, filters: false));
                Write(StaticLinks.TablesFile(plan, measures: true, name), TablesPage.Render(data, links, p with { Measures = true }, filters: false));
            }

            if (parts.Count > 0)
            {
                Download(StaticLinks.SummaryFile(plan), TablesPage.Download(data, whole, "md", out _));
            }

            foreach (var name in parts.Count > 0 ? parts.Select(t => (string?)t.Folder) : [null])
            {
                foreach (var format in CrossTableWriters.Formats)
                {
                    Download(StaticLinks.DownloadFile(plan, format, name), TablesPage.Download(data, whole with { Part = name }, format, out _));
                }
            }
        }

        foreach (var id in data.IndicatorIds)
        {
            Write(StaticLinks.IndicatorFile(id), IndicatorPage.Render(data, links, id));
            for (int page = 2, last = IndicatorPage.PageCount(data, id); page <= last; page++)
            {
                Write(StaticLinks.IndicatorFile(id, page), IndicatorPage.Render(data, links, id, page));
            }
        }

        foreach (var document in data.Read)
        {
            Write(StaticLinks.DistrictFile(document.Document.Id), DistrictPage.Render(data, links, document.Document.Id));
            Write(StaticLinks.SourceFile(document.Document.Id), SourcePage.Render(data, links, document.Document.Id, null));
        }

        foreach (var name in SiteAssets.Names)
        {
            File.WriteAllBytes(Path.Combine(folder, name), SiteAssets.Read(name));
        }

        return new PublishSummary(folder, pages, downloads);
    }
}
