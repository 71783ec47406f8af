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
/// </summary>
public static class IndicatorPage
{
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

    public static PageResult Render(SiteData data, ISiteLinks links, string id)
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
            foreach (var group in values.Where(v => v.Number is not null).GroupBy(v => v.Unit ?? string.Empty))
            {
                Chart(html, [.. group], group.Key);
            }

            ValueTable(html, data, links, values);
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
