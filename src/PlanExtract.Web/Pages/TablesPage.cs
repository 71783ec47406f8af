using System.Globalization;
using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Web.Pages;

/// <summary>
/// Which table and which rows: the filters of <c>table</c>, the measures table beside the targets
/// one, and, for a country, which part (<see cref="TablePart.Folder"/>: "广东省", "广东省/清远市").
/// </summary>
public sealed record TableParameters(PlanKind Plan, string? Domain = null, string? Indicator = null, bool Measures = false, string? Part = null)
{
    public TableFilter Filter => new(Blank(Domain), Blank(Indicator));

    /// <summary>The part asked for, blank as none.</summary>
    public string? PartName => Blank(Part);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Which part of a country's tables a request names: a part, a province split by city, or none (the summary).</summary>
public sealed record PartChoice(int Part, string? Province)
{
    public static PartChoice Summary { get; } = new(-1, null);

    public bool IsPart => Part >= 0;

    /// <summary>A province whose tables are per city: its page lists them.</summary>
    public bool IsSplitProvince => Province is not null;
}

/// <summary>
/// The cross-reference table (indicators × districts) or the measures table of one plan type, as
/// HTML. Above <see cref="CountryTables.MaxDistrictColumns"/> districts it follows the layout build
/// writes under tables/: the national summary and a list of parts, and a part's wide table when asked.
/// </summary>
public static class TablesPage
{
    /// <summary>The whole table the parameters' filters ask for; null when no district has that plan.</summary>
    public static CrossTable? Table(SiteData data, TableParameters p) => data.Table(p.Plan, p.Filter);

    /// <summary>What a part name names in this corpus; null for a name that is neither a part nor a split province.</summary>
    public static PartChoice? Choose(SiteData data, TableParameters p)
    {
        if (p.PartName is not { } name)
        {
            return PartChoice.Summary;
        }

        if (data.Country is not { } country)
        {
            return null;
        }

        if (country.Find(name) is var part and >= 0)
        {
            return new PartChoice(part, null);
        }

        return country.Parts.Any(t => t.Split && t.Province == name) ? new PartChoice(-1, name) : null;
    }

    /// <summary>
    /// The downloaded file, written by the <c>table</c> command's writer for the format: the whole
    /// table, or for a country a part's table, or the national summary (Markdown, as build writes
    /// summary-*.md). Null when the request names no such file (the reason in <paramref name="refused"/>).
    /// </summary>
    public static byte[]? Download(SiteData data, TableParameters p, string format, out string? refused)
    {
        refused = null;
        var table = Table(data, p);
        CrossTable? written = table;
        if (data.Country is { } country && table is not null)
        {
            var choice = Choose(data, p);
            if (choice is null || choice.IsSplitProvince)
            {
                refused = $"没有“{p.PartName}”这一分表";
                return null;
            }

            if (!choice.IsPart)
            {
                if (format != "md")
                {
                    refused = "全国汇总只有 md 格式；各分表（part=省 或 省/市）可下载 " + string.Join("、", CrossTableWriters.Formats) + "；全国宽表请用 planextract table";
                    return null;
                }

                return data.Download(p.Plan, p.Filter, null, format, () =>
                    new System.Text.UTF8Encoding(false).GetBytes(CountryTables.Summary(table, data.Summary(p.Plan, p.Filter, table), data.LinkFolder)));
            }

            written = country.Part(table, choice.Part);
        }
        else if (p.PartName is not null)
        {
            refused = $"没有“{p.PartName}”这一分表：地区不超过 {CountryTables.MaxDistrictColumns} 个时只有一张表";
            return null;
        }

        return data.Download(p.Plan, p.Filter, p.PartName, format, () =>
        {
            using var buffer = new MemoryStream();
            CrossTableWriters.For(format).Write(written is { Districts.Count: > 0 } ? [written] : [], buffer, new CrossTableWriteOptions(data.LinkFolder));
            return buffer.ToArray();
        });
    }

    public static PageResult Render(SiteData data, ISiteLinks links, TableParameters p, bool filters)
    {
        var choice = Choose(data, p);
        var area = choice is { IsPart: true } ? data.Country!.Parts[choice.Part].Area : choice?.Province;
        var title = (p.Plan == PlanKind.Women ? "妇女发展规划" : "儿童发展规划") + (p.Measures ? "策略措施对照表" : "指标对照表") + (area is null ? string.Empty : "：" + area);
        if (choice is null)
        {
            return new PageResult(404, Layout.Page(links, "未知分表", html => html.Element("h1", "未知分表").Element("p", $"没有“{p.PartName}”这一分表。", "error")));
        }

        var body = Layout.Page(links, title, html =>
        {
            html.Element("h1", title);
            html.Raw("<div class=\"facets\">")
                .Link(links.Tables(p with { Measures = false }), "指标对照表", p.Measures ? null : "on")
                .Link(links.Tables(p with { Measures = true }), "策略措施对照表", p.Measures ? "on" : null)
                .Raw("</div>");
            if (data.Country is not null && (choice.IsPart || choice.IsSplitProvince))
            {
                html.Raw("<p class=\"meta\">").Link(links.Tables(p with { Part = null }), "← 全国汇总").Raw("</p>");
            }

            if (filters)
            {
                Filters(html, p);
            }

            if (data.Country is { } country && !choice.IsPart)
            {
                Country(html, data, links, p, country, choice);
            }
            else if (p.Measures)
            {
                Measures(html, data, links, p, choice.IsPart ? data.Measures(p.Plan, choice.Part) : data.Measures(p.Plan));
            }
            else
            {
                var table = Table(data, p);
                Targets(html, data, links, p, table is not null && choice.IsPart ? data.Country!.Part(table, choice.Part) is { Districts.Count: > 0 } part ? part : null : table);
            }
        });
        return new PageResult(200, body);
    }

    /// <summary>A country's summary (targets only: build writes no measures summary) and its list of parts, or a split province's cities.</summary>
    private static void Country(Html html, SiteData data, ISiteLinks links, TableParameters p, CountryLayout country, PartChoice choice)
    {
        var table = Table(data, p);
        if (table is null)
        {
            html.Element("p", "语料中没有这类规划。", "meta");
            return;
        }

        var whole = data.Tables.First(t => t.Plan == p.Plan);
        var counts = whole.Districts.GroupBy(d => country.PartOf(d.Document.Source)).ToDictionary(g => g.Key, g => g.Count());
        if (choice.IsSplitProvince)
        {
            html.Element("p", $"{choice.Province}地区超过 {CountryTables.MaxDistrictColumns} 个，按市分表：", "meta");
            PartList(html, links, p, country, counts, choice.Province);
            return;
        }

        html.Element("p", string.Create(CultureInfo.InvariantCulture,
            $"{whole.Districts.Count} 个地区，超过一张表能显示的 {CountryTables.MaxDistrictColumns} 列：下表每个指标一行（全国汇总），各地区的数值见按省（大省按市）分的表。"), "meta");
        if (!p.Measures)
        {
            html.Raw("<p class=\"downloads\">下载全国汇总：").Link(links.SummaryDownload(p), "md", "download-md").Raw("</p>");
            Summary(html, data, links, p, table);
        }

        html.Element("h2", "分表");
        PartList(html, links, p, country, counts, null);
    }

    /// <summary>The national summary as a table per domain, from the rows build's summary-*.md is written from.</summary>
    private static void Summary(Html html, SiteData data, ISiteLinks links, TableParameters p, CrossTable table)
    {
        if (table.Domains.Count == 0)
        {
            html.Element("p", "没有符合筛选条件的指标。", "meta");
            return;
        }

        html.Raw("<ul class=\"legend\">")
            .Element("li", "地区数：写了该指标的地区个数。最小值、中位数、最大值：各地区写的第一个数值水平（不含 ↑↓ 与相对变化），只取“单位”一列的单位。")
            .Element("li", "最严、最宽：按指标目录所注的方向，目录未注时按比较符；同值时取语料中在先的地区，链接到原文所在行。")
            .Raw("</ul>");
        foreach (var (domain, rows) in data.Summary(p.Plan, p.Filter, table))
        {
            html.Element("h2", domain.Domain);
            html.Raw("<div class=\"wide\"><table class=\"summary\"><thead><tr><th>指标</th><th>地区数</th><th>单位</th><th>最小值</th><th>中位数</th><th>最大值</th><th>最严</th><th>最宽</th><th>分省表</th></tr></thead><tbody>");
            foreach (var row in rows)
            {
                html.Raw("<tr><td>");
                if (row.Row.InCatalog)
                {
                    html.Link(links.Indicator(row.Row.Indicator), row.Row.Indicator);
                }
                else
                {
                    html.Text(row.Row.Indicator + " " + Marks.NotInCatalog);
                }

                html.Raw("</td>").Element("td", row.Districts.ToString(CultureInfo.InvariantCulture), "num").Element("td", row.Spread?.Unit);
                if (row.Spread is { } spread)
                {
                    html.Element("td", CountryTables.Number(spread.Min), "num").Element("td", CountryTables.Number(spread.Median), "num").Element("td", CountryTables.Number(spread.Max), "num");
                    Extreme(html, data, links, table, spread.Strictest);
                    Extreme(html, data, links, table, spread.Loosest);
                }
                else
                {
                    html.Raw("<td></td><td></td><td></td><td></td><td></td>");
                }

                html.Raw("<td>");
                var first = true;
                foreach (var province in row.Provinces)
                {
                    html.Raw(first ? string.Empty : "、");
                    first = false;
                    html.Link(links.Tables(p with { Part = province.Province }), province.Province);
                }

                html.Raw("</td></tr>");
            }

            html.Raw("</tbody></table></div>");
        }
    }

    private static void Extreme(Html html, SiteData data, ISiteLinks links, CrossTable table, (int Column, CellValue Value) at)
    {
        html.Raw("<td class=\"num\">").Text(table.Districts[at.Column].Name + " ");
        Value(html, data, links, at.Value);
        html.Raw("</td>");
    }

    /// <summary>The parts (or, inside a split province, its cities), each with its number of districts; a split province is one entry leading to its cities.</summary>
    private static void PartList(Html html, ISiteLinks links, TableParameters p, CountryLayout country, Dictionary<int, int> counts, string? province)
    {
        html.Raw("<ul class=\"parts\">");
        var parts = Enumerable.Range(0, country.Parts.Count).Where(i => counts.ContainsKey(i)).ToList();
        if (province is not null)
        {
            foreach (var i in parts.Where(i => country.Parts[i].Province == province))
            {
                html.Raw("<li>").Link(links.Tables(p with { Part = country.Parts[i].Folder }), country.Parts[i].City ?? country.Parts[i].Province)
                    .Text(string.Create(CultureInfo.InvariantCulture, $"（{counts[i]} 个地区）")).Raw("</li>");
            }
        }
        else
        {
            foreach (var group in parts.GroupBy(i => country.Parts[i].Province))
            {
                var part = country.Parts[group.First()];
                var districts = group.Sum(i => counts[i]);
                html.Raw("<li>").Link(links.Tables(p with { Part = part.Province }), part.Province)
                    .Text(part.Split
                        ? string.Create(CultureInfo.InvariantCulture, $"（{districts} 个地区，按市分 {group.Count()} 张表）")
                        : string.Create(CultureInfo.InvariantCulture, $"（{districts} 个地区）"))
                    .Raw("</li>");
            }
        }

        html.Raw("</ul>");
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

        if (p.PartName is { } part)
        {
            html.Raw("<input type=\"hidden\" name=\"part\" value=\"").Raw(Html.Attr(part)).Raw("\">");
        }

        html.Raw("<label>领域含<input name=\"domain\" value=\"").Raw(Html.Attr(p.Domain)).Raw("\" placeholder=\"健康\"></label>");
        if (!p.Measures)
        {
            html.Raw("<label>指标含<input name=\"indicator\" value=\"").Raw(Html.Attr(p.Indicator)).Raw("\" placeholder=\"死亡率\"></label>");
        }

        html.Raw("<button type=\"submit\">筛选</button></form>");
    }

    private static void Targets(Html html, SiteData data, ISiteLinks links, TableParameters p, CrossTable? table)
    {
        if (table is null)
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

    private static void Measures(Html html, SiteData data, ISiteLinks links, TableParameters p, MeasuresTable table)
    {
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
