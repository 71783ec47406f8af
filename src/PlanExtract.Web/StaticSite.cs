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
        foreach (var plan in new[] { PlanKind.Women, PlanKind.Children })
        {
            var table = new TableParameters(plan);
            Write(StaticLinks.TablesFile(plan, measures: false), TablesPage.Render(data, links, table, filters: false));
            Write(StaticLinks.TablesFile(plan, measures: true), TablesPage.Render(data, links, table with { Measures = true }, filters: false));
            foreach (var format in CrossTableWriters.Formats)
            {
                File.WriteAllBytes(Path.Combine(folder, StaticLinks.DownloadFile(plan, format)), TablesPage.Download(data, table, format));
                downloads++;
            }
        }

        foreach (var id in data.IndicatorIds)
        {
            Write(StaticLinks.IndicatorFile(id), IndicatorPage.Render(data, links, id));
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
