using System.Globalization;
using PlanExtract.Corpus;
using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Web.Pages;

/// <summary>
/// A plan's text with line numbers. The item holding the asked line is highlighted and scrolled to,
/// and its targets stand beside it; every number in the tables and hits links here.
/// </summary>
public static class SourcePage
{
    public static PageResult Render(SiteData data, ISiteLinks links, string documentId, int? line)
    {
        if (data.Document(documentId) is not { } document)
        {
            return new PageResult(404, Layout.Page(links, "未知文档", html => html.Element("h1", "未知文档").Element("p", $"语料中没有“{documentId}”。", "error")));
        }

        var full = data.Full(document);
        var items = full.Plans.Plans.SelectMany(p => p.AllItems()).ToList();
        var itemOfLine = new Dictionary<int, int>();
        for (var k = 0; k < items.Count; k++)
        {
            foreach (var l in items[k].Lines.Select(l => l.Line).Append(items[k].Span.Line).OfType<int>())
            {
                itemOfLine.TryAdd(l, k);
            }
        }

        int? chosen = line is { } asked && itemOfLine.TryGetValue(asked, out var found) ? found : null;
        var name = document.Document.Metadata.DisplayName;
        var body = Layout.Page(links, name + " 原文", html =>
        {
            html.Raw("<h1>").Link(links.District(documentId), name).Text(" 原文").Raw("</h1>");
            html.Element("p", document.Document.Source, "meta");
            html.Raw("<div class=\"source\"><div class=\"text\">");
            Lines(html, full.Blocks, itemOfLine, chosen, line);
            html.Raw("</div><aside>");
            Targets(html, links, items, chosen);
            html.Raw("</aside></div>");
        });
        return new PageResult(200, body);
    }

    private static void Lines(Html html, IReadOnlyList<SourceBlock> blocks, Dictionary<int, int> itemOfLine, int? chosen, int? line)
    {
        var anchored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            var anchor = block.Line is { } l ? $"L{l}" : block.Page is { } p ? $"P{p}" : null;
            int? item = block.Line is { } n && itemOfLine.TryGetValue(n, out var k) ? k : null;
            var hit = (item is not null && item == chosen) || (chosen is null && line is not null && block.Line == line);
            html.Raw("<div class=\"l").Raw(hit ? " hit" : string.Empty).Raw("\"");
            if (anchor is not null && anchored.Add(anchor))
            {
                html.Raw(" id=\"").Raw(anchor).Raw("\"");
            }

            if (item is { } i)
            {
                html.Raw(" data-item=\"i").Raw(i.ToString(CultureInfo.InvariantCulture)).Raw("\"");
            }

            html.Raw(">");
            var number = block.Line is { } ln ? ln.ToString(CultureInfo.InvariantCulture) : block.Page is { } pg ? $"p.{pg}" : string.Empty;
            html.Link("#" + (anchor ?? string.Empty), number, "n").Element("span", block.Text).Raw("</div>");
        }
    }

    /// <summary>A panel per item with targets; only the chosen one shows (the script shows another on a click).</summary>
    private static void Targets(Html html, ISiteLinks links, IReadOnlyList<Item> items, int? chosen)
    {
        var any = false;
        for (var k = 0; k < items.Count; k++)
        {
            if (items[k].Targets.Count == 0)
            {
                continue;
            }

            any = true;
            html.Raw("<section class=\"targets\" id=\"t-i").Raw(k.ToString(CultureInfo.InvariantCulture)).Raw(k == chosen ? "\">" : "\" hidden>")
                .Element("h2", $"第{items[k].Number}条的量化目标").Raw("<ul>");
            foreach (var target in items[k].Targets)
            {
                html.Raw("<li>");
                if (target.IndicatorId is { } id)
                {
                    html.Link(links.Indicator(id), id);
                }
                else
                {
                    html.Text(target.Indicator);
                }

                html.Raw(" <b>").Text(TargetCell.Format(target)).Raw("</b>")
                    .Text(target.Year is { } year ? $"（{year}年）" : string.Empty)
                    .Text(target.Population is { Length: > 0 } population ? $"（{population}）" : string.Empty)
                    .Raw("</li>");
            }

            html.Raw("</ul></section>");
        }

        if (chosen is { } c && items[c].Targets.Count == 0)
        {
            html.Raw("<section class=\"targets\">").Element("p", $"第{items[c].Number}条没有量化目标。", "meta").Raw("</section>");
        }
        else if (!any)
        {
            html.Element("p", "此文档没有量化目标。", "meta");
        }
    }
}
