using System.Globalization;
using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Web.Pages;

/// <summary>One district's value of an indicator, as its table cell shows it, with the target behind it.</summary>
public sealed record IndicatorValue(DistrictColumn District, CellValue Cell, Target? Target)
{
    /// <summary>The number to draw and sort by; null for a direction without a number ("↑").</summary>
    public double? Number =>
        Target?.Value is { } value && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    public string? Unit => Target?.Unit;
}

/// <summary>
/// One canonical indicator across every district: the values sorted from the most ambitious, a bar
/// per value drawn on the server as SVG, the marks against the parent government, and the source line.
/// Above <see cref="MostBarsDrawn"/> districts: the distribution instead of every bar, and the
/// values' list a page at a time.
/// </summary>
public static class IndicatorPage
{
    /// <summary>
    /// The most districts drawn a bar each: as many as a table shows columns, what a reader can
    /// scan. At 3,200 districts the bars made a 2.6 MB page (3,798 values) nobody reads bar by bar.
    /// </summary>
    public const int MostBarsDrawn = CountryTables.MaxDistrictColumns;

    /// <summary>Rows of the values' list a page once the bars give way to the distribution.</summary>
    public const int ValuesPerPage = 100;

    /// <summary>The extremes listed beside the distribution: the strictest and the loosest few.</summary>
    public const int ExtremesShown = 5;

    private const int Bins = 20;
    private const int HistogramHeight = 160;
    private const int BarArea = 360;
    private const int LabelWidth = 170;
    private const int RowHeight = 24;

    /// <summary>The indicator's values in the cross-reference tables, sorted; empty for an indicator no plan states.</summary>
    public static IReadOnlyList<IndicatorValue> Values(SiteData data, string id, IndicatorDefinition? definition)
    {
        var values = new List<IndicatorValue>();
        foreach (var table in data.Tables)
        {
            // A row listed under two sections shares one set of cells: take it once.
            foreach (var row in table.Domains.SelectMany(d => d.Rows).Where(r => r.InCatalog && r.Indicator == id).DistinctBy(r => r.Cells, ReferenceEqualityComparer.Instance))
            {
                for (var c = 0; c < table.Districts.Count; c++)
                {
                    foreach (var cell in row.Cells[c])
                    {
                        // The cell's own target first: looking it up by line, a line stating two
                        // indicators sent every such cell through all its document's targets (40 ms
                        // of the page at 3,200 districts).
                        var target = cell.Target.IndicatorId == id ? cell.Target
                            : data.TargetAt(cell.Source, cell.Line) is { } t && t.IndicatorId == id
                            ? t
                            : data.DocumentOf(cell.Source)?.Plans?.AllTargets().FirstOrDefault(t => t.IndicatorId == id && t.Line == cell.Line && t.Page == cell.Page);
                        values.Add(new IndicatorValue(table.Districts[c], cell, target));
                    }
                }
            }
        }

        // The most ambitious first: lowest first where lower is better (死亡率), else highest first.
        var lowerIsBetter = definition?.LowerIsBetter ?? false;
        return [.. values
            .OrderBy(v => v.Number is null ? 1 : 0)
            .ThenBy(v => v.Unit ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(v => v.Number is { } n ? (lowerIsBetter ? n : -n) : 0)
            .ThenBy(v => v.District.Name, StringComparer.Ordinal)];
    }

    /// <summary>How many pages the indicator's page has: one, or at country scale one per <see cref="ValuesPerPage"/> values.</summary>
    public static int PageCount(SiteData data, string id)
    {
        var values = Values(data, id, data.Catalog.Find(id));
        return Paged(values) ? Pages(values.Count, ValuesPerPage) : 1;
    }

    private static int Pages(int values, int perPage) => Math.Max(1, (values + perPage - 1) / perPage);

    /// <param name="page">The page of the values' list (from 1; out of range is the nearest page); only above <see cref="MostBarsDrawn"/> districts.</param>
    /// <param name="valuesPerPage"><see cref="ValuesPerPage"/>; lower only to try the paging on a small corpus.</param>
    public static PageResult Render(SiteData data, ISiteLinks links, string id, int page = 1, int valuesPerPage = ValuesPerPage)
    {
        var definition = data.Catalog.Find(id);
        var values = Values(data, id, definition);
        if (definition is null && values.Count == 0)
        {
            return new PageResult(404, Layout.Page(links, "未知指标", html => html.Element("h1", "未知指标").Element("p", $"指标目录和规划中都没有“{id}”。", "error")));
        }

        var body = Layout.Page(links, id, html =>
        {
            html.Element("h1", id);
            html.Raw("<p class=\"meta\">")
                .Text($"{values.Select(v => v.District.Name).Distinct().Count()} 个地区写明了此指标")
                .Text(definition?.Domain is { } domain ? $" · 领域：{domain}" : string.Empty)
                .Text(definition?.Unit is { } unit ? $" · 单位：{unit}" : string.Empty)
                .Text(definition is null ? string.Empty : definition.LowerIsBetter ? " · 越低越好，按数值从低到高排列" : " · 按数值从高到低排列")
                .Raw("</p>");
            if (Paged(values))
            {
                Distribution(html, data, links, id, values, page, valuesPerPage);
            }
            else
            {
                foreach (var group in values.Where(v => v.Number is not null).GroupBy(v => v.Unit ?? string.Empty))
                {
                    Chart(html, [.. group], group.Key);
                }

                ValueTable(html, data, links, values);
            }

            if (definition is { References.Count: > 0 })
            {
                html.Element("h2", "参考值");
                html.Raw("<ul>");
                foreach (var reference in definition.References)
                {
                    html.Element("li", $"{reference.Comparator} {reference.Value}{reference.Unit} · {reference.Source}");
                }

                html.Raw("</ul>");
            }

            if (definition is { Aliases.Count: > 0 })
            {
                html.Element("p", "又称：" + string.Join("、", definition.Aliases), "meta");
            }
        });
        return new PageResult(200, body);
    }

    private static bool Paged(IReadOnlyList<IndicatorValue> values) => Districts(values) > MostBarsDrawn;

    private static int Districts(IReadOnlyList<IndicatorValue> values) => values.Select(v => v.District.Name).Distinct().Count();

    /// <summary>
    /// Per unit a histogram, min/median/max and the strictest and loosest districts; then one page of
    /// the values' list, in the same order as the bars were.
    /// </summary>
    private static void Distribution(Html html, SiteData data, ISiteLinks links, string id, IReadOnlyList<IndicatorValue> values, int page, int perPage)
    {
        html.Element("p", $"地区超过 {MostBarsDrawn} 个：下面是数值的分布、最严与最宽的地区，各地区的数值按页列出（每页 {perPage} 行）。", "meta");
        foreach (var group in values.Where(v => v.Number is not null).GroupBy(v => v.Unit ?? string.Empty))
        {
            // Already the most ambitious first: the head is the strictest, the tail the loosest.
            var ordered = group.ToList();
            var numbers = ordered.Select(v => v.Number!.Value).Order().ToList();
            var middle = numbers.Count / 2;
            var median = numbers.Count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
            var unit = group.Key.Length > 0 ? $"（{group.Key}）" : string.Empty;
            html.Element("h2", "数值分布" + unit);
            html.Raw("<p class=\"spread\">")
                .Text($"{ordered.Count} 个数值 · 最小值 {CountryTables.Number(numbers[0])} · 中位数 {CountryTables.Number(median)} · 最大值 {CountryTables.Number(numbers[^1])}")
                .Raw("</p>");
            Histogram(html, numbers, group.Key);
            Extremes(html, data, links, "最严", ordered.Take(ExtremesShown));
            Extremes(html, data, links, "最宽", Enumerable.Reverse(ordered).Take(ExtremesShown));
        }

        var pages = Pages(values.Count, perPage);
        page = Math.Clamp(page, 1, pages);
        var first = (page - 1) * perPage;
        var shown = values.Skip(first).Take(perPage).ToList();
        html.Element("h2", "各地区数值");
        html.Element("p", $"第 {page}/{pages} 页：第 {first + 1}–{first + shown.Count} 个数值，共 {values.Count} 个", "meta");
        ValueTable(html, data, links, shown);
        html.Raw("<div class=\"pager\">");
        if (page > 1)
        {
            html.Link(links.Indicator(id, page - 1), "‹ 上一页", "previous");
        }

        if (page < pages)
        {
            html.Link(links.Indicator(id, page + 1), "下一页 ›", "next");
        }

        html.Raw("</div>");
    }

    /// <summary>How many values fall in each of <see cref="Bins"/> equal ranges from the smallest to the largest, as columns.</summary>
    private static void Histogram(Html html, IReadOnlyList<double> sorted, string unit)
    {
        var (min, max) = (sorted[0], sorted[^1]);
        var counts = new int[Bins];
        var span = max - min;
        foreach (var n in sorted)
        {
            counts[span > 0 ? Math.Min(Bins - 1, (int)((n - min) / span * Bins)) : 0]++;
        }

        var tallest = counts.Max();
        var column = BarArea / Bins;
        var width = BarArea + 80;
        var height = HistogramHeight + 40;
        html.Raw(string.Create(CultureInfo.InvariantCulture, $"<div class=\"wide\"><svg class=\"histogram\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"))
            .Raw("<title>").Text("各地区目标值的分布" + (unit.Length > 0 ? $"（{unit}）" : string.Empty)).Raw("</title>");
        for (var b = 0; b < Bins; b++)
        {
            if (counts[b] == 0)
            {
                continue;
            }

            var barHeight = Math.Max(1, counts[b] * (double)HistogramHeight / tallest);
            var from = min + span * b / Bins;
            var to = min + span * (b + 1) / Bins;
            html.Raw(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{40 + b * column}\" y=\"{8 + HistogramHeight - barHeight:F1}\" width=\"{column - 2}\" height=\"{barHeight:F1}\" fill=\"#7a8fa6\"><title>"))
                .Text($"{CountryTables.Number(from)}–{CountryTables.Number(to)}：{counts[b]} 个")
                .Raw("</title></rect>");
        }

        html.Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"40\" y=\"{HistogramHeight + 28}\">")).Text(CountryTables.Number(min)).Raw("</text>")
            .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{40 + BarArea}\" y=\"{HistogramHeight + 28}\" text-anchor=\"end\">")).Text(CountryTables.Number(max)).Raw("</text>")
            .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"36\" y=\"20\" text-anchor=\"end\">{tallest}</text>"))
            .Raw("</svg></div>");
    }

    private static void Extremes(Html html, SiteData data, ISiteLinks links, string label, IEnumerable<IndicatorValue> values)
    {
        html.Raw("<p class=\"extremes\">").Text(label + "：");
        var first = true;
        foreach (var v in values)
        {
            html.Raw(first ? string.Empty : "、").Link(links.District(v.District.Document.Id), v.District.Name).Raw(" ");
            if (data.DocumentOf(v.Cell.Source) is { } document)
            {
                html.Link(links.Source(document.Document.Id, v.Cell.Line, v.Cell.Page), v.Cell.Text + Marks.Of(v.Cell));
            }
            else
            {
                html.Text(v.Cell.Text + Marks.Of(v.Cell));
            }

            first = false;
        }

        html.Raw("</p>");
    }

    /// <summary>Horizontal bars for the values of one unit, each as long as its value against the largest.</summary>
    private static void Chart(Html html, IReadOnlyList<IndicatorValue> values, string unit)
    {
        var max = values.Max(v => v.Number!.Value);
        var width = LabelWidth + BarArea + 80;
        var height = values.Count * RowHeight + 8;
        html.Raw(string.Create(CultureInfo.InvariantCulture, $"<div class=\"wide\"><svg class=\"bars\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"))
            .Raw("<title>").Text("各地区目标值" + (unit.Length > 0 ? $"（{unit}）" : string.Empty)).Raw("</title>");
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            var y = 4 + i * RowHeight;
            var length = max > 0 ? Math.Max(1, v.Number!.Value / max * BarArea) : 1;
            var colour = v.Cell.VsParent switch
            {
                Strictness.Stricter => "#2e7d32",
                Strictness.Looser => "#c62828",
                _ => "#7a8fa6",
            };
            html.Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 16}\" text-anchor=\"end\">")).Text(v.District.Name).Raw("</text>")
                .Raw(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length:F1}\" height=\"{RowHeight - 8}\" fill=\"{colour}\"></rect>"))
                .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6:F1}\" y=\"{y + 16}\">")).Text(v.Cell.Text + Marks.Of(v.Cell)).Raw("</text>");
        }

        html.Raw("</svg></div>");
    }

    private static void ValueTable(Html html, SiteData data, ISiteLinks links, IReadOnlyList<IndicatorValue> values)
    {
        html.Raw("<div class=\"wide\"><table class=\"values\"><thead><tr><th>地区</th><th>目标</th><th>对照上级</th><th>原文</th></tr></thead><tbody>");
        foreach (var v in values)
        {
            html.Raw("<tr><td>").Link(links.District(v.District.Document.Id), v.District.Name).Raw("</td><td class=\"num\">");
            TablesPage.Value(html, data, links, v.Cell);
            html.Raw("</td><td>").Text(ParentText(v)).Raw("</td><td>").Text(v.Target?.Text).Raw(" ");
            if (data.DocumentOf(v.Cell.Source) is { } document)
            {
                html.Link(links.Source(document.Document.Id, v.Cell.Line, v.Cell.Page), v.Cell.Line is { } line ? $"第{line}行" : $"第{v.Cell.Page}页", "meta");
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table></div>");
        html.Element("p", "▲ 严于上级政府规划，● 与上级相同，▼ 宽于上级；△○▽ 为对照指标目录参考值。条形颜色：绿为严于上级，红为宽于上级。", "meta");
    }

    private static string ParentText(IndicatorValue v) => v.District.Parent is not { } parent ? "—"
        : v.Cell.VsParent switch
        {
            Strictness.Stricter => $"▲ 严于{parent}",
            Strictness.Same => $"● 同{parent}",
            Strictness.Looser => $"▼ 宽于{parent}",
            _ => $"{parent}未写可比数值",
        };
}
