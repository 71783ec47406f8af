using System.Globalization;
using PlanExtract.Model;

namespace PlanExtract.Web.Pages;

/// <summary>The front page: the search box (on the server), the tables, every district and every indicator.</summary>
public static class HomePage
{
    public static PageResult Render(SiteData data, ISiteLinks links)
    {
        var body = Layout.Page(links, "妇女儿童发展规划", html =>
        {
            html.Element("h1", "妇女儿童发展规划数据");
            html.Element("p", string.Create(CultureInfo.InvariantCulture, $"{data.Read.Count} 份规划文件 · {data.Read.Sum(r => r.Plans!.Plans.Count)} 个规划 · {data.IndicatorIds.Count} 个目录指标"), "meta");
            if (links.Search)
            {
                html.Raw("<form class=\"filters\" method=\"get\" action=\"/search\" role=\"search\"><label>检索词<input type=\"search\" name=\"q\" placeholder=\"普惠性幼儿园\"></label><button type=\"submit\">检索</button></form>");
            }

            html.Element("h2", "对照表");
            html.Raw("<ul>");
            foreach (var plan in new[] { PlanKind.Women, PlanKind.Children })
            {
                html.Raw("<li>").Link(links.Tables(new TableParameters(plan)), (plan == PlanKind.Women ? "妇女" : "儿童") + "发展规划指标对照表")
                    .Text(" · ").Link(links.Tables(new TableParameters(plan, Measures: true)), "策略措施对照表").Raw("</li>");
            }

            html.Raw("</ul>");
            html.Element("h2", "地区");
            html.Raw("<ul class=\"districts\">");
            foreach (var r in data.Read)
            {
                html.Raw("<li>").Link(links.District(r.Document.Id), r.Document.Metadata.DisplayName)
                    .Text($"（{string.Join("、", r.Plans!.Plans.Select(p => SearchPage.PlanLabel(p.Kind.ToContractName())))}）").Raw("</li>");
            }

            html.Raw("</ul>");
            html.Element("h2", "指标");
            html.Raw("<div class=\"facets\">");
            foreach (var id in data.IndicatorIds)
            {
                html.Link(links.Indicator(id), id);
            }

            html.Raw("</div>");
        });
        return new PageResult(200, body);
    }
}
