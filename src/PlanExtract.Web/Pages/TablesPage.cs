using System.Globalization;
using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Web.Pages;

/// <summary>Which table and which rows: the filters of <c>table</c>, and the measures table beside the targets one.</summary>
public sealed record TableParameters(PlanKind Plan, string? Domain = null, string? Indicator = null, bool Measures = false)
{
    public TableFilter Filter => new(Blank(Domain), Blank(Indicator));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The cross-reference table (indicators × districts) or the measures table of one plan type, as HTML.</summary>
public static class TablesPage
{
    /// <summary>The table the parameters ask for, built by the same builder as <c>table</c>; null when no district has that plan.</summary>
    public static CrossTable? Table(SiteData data, TableParameters p)
    {
        var table = CrossTableBuilder.Build(data.Read, p.Plan, data.Catalog, p.Filter);
        return table.Districts.Count > 0 ? table : null;
    }

    /// <summary>The downloaded file, written by the <c>table</c> command's writer for the format.</summary>
    public static byte[] Download(SiteData data, TableParameters p, string format)
    {
        var writer = CrossTableWriters.For(format);
        using var buffer = new MemoryStream();
        writer.Write(Table(data, p) is { } table ? [table] : [], buffer, new CrossTableWriteOptions(data.LinkFolder));
        return buffer.ToArray();
    }

    public static PageResult Render(SiteData data, ISiteLinks links, TableParameters p, bool filters)
    {
        var title = (p.Plan == PlanKind.Women ? "妇女发展规划" : "儿童发展规划") + (p.Measures ? "策略措施对照表" : "指标对照表");
        var body = Layout.Page(links, title, html =>
        {
            html.Element("h1", title);
            html.Raw("<div class=\"facets\">")
                .Link(links.Tables(p with { Measures = false }), "指标对照表", p.Measures ? null : "on")
                .Link(links.Tables(p with { Measures = true }), "策略措施对照表", p.Measures ? "on" : null)
                .Raw("</div>");
            if (filters)
            {
                Filters(html, p);
            }

            if (p.Measures)
            {
                Measures(html, data, links, p);
            }
            else
            {
                Targets(html, data, links, p);
            }
        });
        return new PageResult(200, body);
    }

    private static void Filters(Html html, TableParameters p)
    {
        html.Raw("<form class=\"filters\" method=\"get\" action=\"/tables\">")
            .Raw("<label>规划<select name=\"plan\">")
            .Raw(p.Plan == PlanKind.Women ? "<option value=\"women\" selected>妇女</option><option value=\"children\">儿童</option>" : "<option value=\"women\">妇女</option><option value=\"children\" selected>儿童</option>")
            .Raw("</select></label>");
        if (p.Measures)
        {
            html.Raw("<input type=\"hidden\" name=\"view\" value=\"measures\">");
        }

        html.Raw("<label>领域含<input name=\"domain\" value=\"").Raw(Html.Attr(p.Domain)).Raw("\" placeholder=\"健康\"></label>");
        if (!p.Measures)
        {
            html.Raw("<label>指标含<input name=\"indicator\" value=\"").Raw(Html.Attr(p.Indicator)).Raw("\" placeholder=\"死亡率\"></label>");
        }

        html.Raw("<button type=\"submit\">筛选</button></form>");
    }

    private static void Targets(Html html, SiteData data, ISiteLinks links, TableParameters p)
    {
        if (Table(data, p) is not { } table)
        {
            html.Element("p", "语料中没有这类规划。", "meta");
            return;
        }

        html.Raw("<p class=\"downloads\">下载：");
        foreach (var format in CrossTableWriters.Formats)
        {
            html.Link(links.Download(p, format), format, "download-" + format);
        }

        html.Raw("</p><ul class=\"legend\">");
        foreach (var line in Marks.Legend(table))
        {
            html.Element("li", line);
        }

        html.Raw("</ul>");
        if (table.Domains.Count == 0)
        {
            html.Element("p", "没有符合筛选条件的指标。", "meta");
            return;
        }

        html.Raw("<div class=\"wide\"><table class=\"cross\"><thead><tr><th>指标</th>");
        foreach (var district in table.Districts)
        {
            html.Raw("<th>").Link(links.District(district.Document.Id), district.Name).Raw("</th>");
        }

        html.Raw("</tr></thead><tbody>");
        foreach (var domain in table.Domains)
        {
            html.Raw("<tr><th colspan=\"").Raw((table.Districts.Count + 1).ToString(CultureInfo.InvariantCulture)).Raw("\">").Text(domain.Domain).Raw("</th></tr>");
            foreach (var row in domain.Rows)
            {
                html.Raw("<tr><td>");
                if (row.InCatalog)
                {
                    html.Link(links.Indicator(row.Indicator), row.Indicator);
                }
                else
                {
                    html.Text(row.Indicator + " " + Marks.NotInCatalog);
                }

                html.Raw("</td>");
                for (var c = 0; c < table.Districts.Count; c++)
                {
                    html.Raw("<td class=\"num\">");
                    var first = true;
                    foreach (var value in row.Cells[c])
                    {
                        html.Raw(first ? string.Empty : "<br>");
                        first = false;
                        Value(html, data, links, value);
                    }

                    html.Raw("</td>");
                }

                html.Raw("</tr>");
            }

            html.Raw("<tr class=\"counts\"><td>目标数</td>");
            foreach (var count in domain.Counts(table.Districts.Count))
            {
                html.Element("td", count.ToString(CultureInfo.InvariantCulture));
            }

            html.Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    /// <summary>One value of a cell, linked to the line it is written on, with its marks.</summary>
    public static void Value(Html html, SiteData data, ISiteLinks links, CellValue value)
    {
        if (data.DocumentOf(value.Source) is { } document)
        {
            html.Link(links.Source(document.Document.Id, value.Line, value.Page), value.Text, "v");
        }
        else
        {
            html.Text(value.Text);
        }

        if (Marks.Of(value) is { Length: > 0 } marks)
        {
            html.Element("span", marks, "mark");
        }
    }

    private static void Measures(Html html, SiteData data, ISiteLinks links, TableParameters p)
    {
        var table = data.Measures(p.Plan);
        if (table.Districts.Count == 0)
        {
            html.Element("p", "语料中没有这类规划。", "meta");
            return;
        }

        html.Element("p", "各地区策略措施按首句对齐（首句相近即视为同一措施）；格内为该地区措施编号，链接到原文。空格表示该地区没有相近的措施。", "meta");
        html.Raw("<div class=\"wide\"><table class=\"measures\"><thead><tr><th>措施</th>");
        foreach (var district in table.Districts)
        {
            html.Raw("<th>").Link(links.District(district.Document.Id), district.Name).Raw("</th>");
        }

        html.Raw("</tr></thead><tbody>");
        foreach (var domain in table.Domains.Where(d => p.Filter.KeepsDomain(d.Domain)))
        {
            html.Raw("<tr><th colspan=\"").Raw((table.Districts.Count + 1).ToString(CultureInfo.InvariantCulture)).Raw("\">").Text(domain.Domain).Raw("</th></tr>");
            foreach (var row in domain.Rows)
            {
                html.Raw("<tr>").Element("td", row.Heading);
                for (var c = 0; c < table.Districts.Count; c++)
                {
                    html.Raw("<td class=\"num\">");
                    if (row.Cells[c] is { } measure)
                    {
                        html.Link(links.Source(table.Districts[c].Document.Id, measure.Line, measure.Page), "(" + measure.Number + ")");
                    }

                    html.Raw("</td>");
                }

                html.Raw("</tr>");
            }

            html.Raw("<tr class=\"counts\"><td>").Text(MarkdownMeasures.CountRow).Raw("</td>");
            foreach (var count in domain.Counts)
            {
                html.Element("td", count.ToString(CultureInfo.InvariantCulture));
            }

            html.Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
    }
}
