using System.Globalization;
using PlanExtract.Indexing;
using PlanExtract.Model;

namespace PlanExtract.Web.Pages;

/// <summary>What a search page shows; all of it is in the address, so a search can be shared.</summary>
public sealed record SearchParameters(
    string? Query = null, string? District = null, string? Plan = null, string? Domain = null, string? Section = null, int Page = 1)
{
    public SearchParameters WithPage(int page) => this with { Page = page };
}

/// <summary>The search page: a box with the <c>search</c> filters, clickable facet counts, hits with snippets, paging.</summary>
public static class SearchPage
{
    public const int PageSize = 20;

    /// <summary>Past this page the searcher would keep hundreds of items to skip them: refine the query instead.</summary>
    public const int LastPage = 25;

    /// <summary>
    /// Facet links shown per facet, most hits first: at 3,200 districts a common word has hits in
    /// every one, and 3,200 links made a 640 KB page nobody reads; the rest are counted in one line.
    /// </summary>
    public const int FacetsShown = 30;

    /// <summary>Up to this many districts (a city's or two) the filter is a list to choose from; beyond, a box for a name or part of it.</summary>
    public const int DistrictListUpTo = 60;

    private static readonly (string Value, string Label)[] Plans = [("women", "妇女"), ("children", "儿童")];

    private static readonly (string Value, string Label)[] Sections = [("goal", "主要目标"), ("measure", "策略措施"), ("project", "重点工程/项目"), ("other", "其他")];

    public static PageResult Render(SiteData data, ISiteLinks links, SearchParameters p)
    {
        var searcher = data.Searcher ?? throw new InvalidOperationException("this site has no index to search");
        SearchResult? result = null;
        string? error = null;
        var page = Math.Clamp(p.Page, 1, LastPage);
        if (!string.IsNullOrWhiteSpace(p.Query))
        {
            try
            {
                result = searcher.Search(new SearchRequest(p.Query)
                {
                    District = Blank(p.District),
                    Plan = Blank(p.Plan),
                    Domain = Blank(p.Domain),
                    Section = Blank(p.Section),
                    Offset = (page - 1) * PageSize,
                    Limit = PageSize,
                });
            }
            catch (PlanExtractException e)
            {
                error = e.Message;
            }
        }

        var title = string.IsNullOrWhiteSpace(p.Query) ? "检索" : $"检索：{p.Query}";
        var body = Layout.Page(links, title, html =>
        {
            html.Element("h1", "检索规划目标与措施");
            Form(html, searcher, p);
            if (error is not null)
            {
                html.Element("p", "无法检索：" + error, "error");
            }
            else if (result is not null)
            {
                Results(html, data, links, p with { Page = page }, result);
            }
            else
            {
                html.Element("p", "输入词语检索全部规划的主要目标、策略措施、重点工程和量化指标。可用引号、AND/OR/NOT 和 字段:值（district、domain、plan、section、indicator_id）。", "meta");
            }
        });
        return new PageResult(error is null ? 200 : 400, body);
    }

    private static void Form(Html html, CorpusSearcher searcher, SearchParameters p)
    {
        html.Raw("<form class=\"filters\" method=\"get\" action=\"/search\" role=\"search\">")
            .Raw("<label>检索词<input type=\"search\" name=\"q\" autofocus value=\"").Raw(Html.Attr(p.Query)).Raw("\"></label>");
        if (searcher.Districts.Count <= DistrictListUpTo)
        {
            Select(html, "地区", "district", p.District, searcher.Districts.Select(d => (d, d)));
        }
        else
        {
            html.Raw("<label>地区<input type=\"search\" name=\"district\" placeholder=\"名称或其一部分\" value=\"").Raw(Html.Attr(p.District)).Raw("\"></label>");
        }

        Select(html, "规划", "plan", p.Plan, Plans);
        Select(html, "领域", "domain", p.Domain, searcher.Domains.Select(d => (d, d)));
        Select(html, "部分", "section", p.Section, Sections);
        html.Raw("<button type=\"submit\">检索</button></form>");
    }

    private static void Select(Html html, string label, string name, string? chosen, IEnumerable<(string Value, string Label)> options)
    {
        html.Raw("<label>").Text(label).Raw("<select name=\"").Raw(name).Raw("\"><option value=\"\">全部</option>");
        foreach (var (value, text) in options)
        {
            html.Raw("<option value=\"").Raw(Html.Attr(value)).Raw(value == chosen ? "\" selected>" : "\">").Text(text).Raw("</option>");
        }

        html.Raw("</select></label>");
    }

    private static void Results(Html html, SiteData data, ISiteLinks links, SearchParameters p, SearchResult result)
    {
        var first = result.Offset;
        var shown = result.Hits;
        html.Raw("<p class=\"meta\" id=\"count\">")
            .Text(string.Create(CultureInfo.InvariantCulture, $"共 {result.TotalHits} 条匹配，显示第 {(shown.Count == 0 ? 0 : first + 1)}–{first + shown.Count} 条"))
            .Raw("</p>");
        Facets(html, "地区", result.ByDistrict, p.District, v => links.SearchPage(p with { District = v, Page = 1 }));
        Facets(html, "领域", result.ByDomain.Where(c => c.Key.Length > 0).ToList(), p.Domain, v => links.SearchPage(p with { Domain = v, Page = 1 }));
        Choices(html, "规划", Plans, p.Plan, v => links.SearchPage(p with { Plan = v, Page = 1 }));
        Choices(html, "部分", Sections, p.Section, v => links.SearchPage(p with { Section = v, Page = 1 }));

        html.Raw("<ol class=\"hits\" start=\"").Raw((first + 1).ToString(CultureInfo.InvariantCulture)).Raw("\">");
        foreach (var hit in shown)
        {
            Hit(html, data, links, hit);
        }

        html.Raw("</ol><div class=\"pager\">");
        if (p.Page > 1)
        {
            html.Link(links.SearchPage(p.WithPage(p.Page - 1)), "‹ 上一页");
        }

        if (first + shown.Count < result.TotalHits && p.Page < LastPage)
        {
            html.Link(links.SearchPage(p.WithPage(p.Page + 1)), "下一页 ›", "next");
        }

        html.Raw("</div>");
    }

    private static void Hit(Html html, SiteData data, ISiteLinks links, SearchHit hit)
    {
        var document = data.DocumentOf(hit.Source);
        html.Raw("<li class=\"hit\"><div class=\"meta\">");
        if (document is not null)
        {
            html.Link(links.District(document.Document.Id), hit.District);
        }
        else
        {
            html.Text(hit.District);
        }

        html.Text(" · " + PlanLabel(hit.Plan) + (hit.Domain is { Length: > 0 } d ? " / " + d : string.Empty) + " / " + SectionLabel(hit.Section) + (hit.Item is null ? string.Empty : " / 第" + hit.Item + "条") + " · ");
        var where = hit.Line is { } line ? $"第{line}行" : hit.Page is { } page ? $"第{page}页" : "原文";
        if (document is not null)
        {
            html.Link(links.Source(document.Document.Id, hit.Line, hit.Page), where, "src");
        }
        else
        {
            html.Text(where);
        }

        html.Raw("</div><div class=\"snippet\">");
        Snippet(html, hit);
        html.Raw("</div>");
        if (hit.Kind == IndexSchema.KindTarget && data.TargetAt(hit.Source, hit.Line, hit.Text) is { } target)
        {
            html.Raw("<div class=\"target\">指标 ");
            if (target.IndicatorId is { } id)
            {
                html.Link(links.Indicator(id), id);
            }
            else
            {
                html.Text(target.Indicator);
            }

            html.Raw(" · 目标 <b>").Text(Reporting.TargetCell.Format(target)).Raw("</b>")
                .Text($"（比较 {target.Comparator}，数值 {target.Value ?? "—"}，单位 {target.Unit ?? "—"}）").Raw("</div>");
        }

        html.Raw("</li>");
    }

    /// <summary>The snippet with its matched terms in &lt;mark&gt;; each piece escaped on its own.</summary>
    private static void Snippet(Html html, SearchHit hit)
    {
        var at = 0;
        foreach (var mark in hit.Marks)
        {
            html.Text(hit.SnippetText[at..mark.Start]).Raw("<mark>").Text(hit.SnippetText.Substring(mark.Start, mark.Length)).Raw("</mark>");
            at = mark.Start + mark.Length;
        }

        html.Text(hit.SnippetText[at..]);
    }

    private static void Facets(Html html, string label, IReadOnlyList<KeyValuePair<string, int>> counts, string? chosen, Func<string?, string> link)
    {
        if (counts.Count == 0)
        {
            return;
        }

        html.Raw("<div class=\"facets\"><span class=\"label\">").Text(label).Raw("</span>");
        if (!string.IsNullOrEmpty(chosen))
        {
            html.Link(link(null), "全部");
        }

        foreach (var (name, count) in counts.Take(FacetsShown))
        {
            html.Link(link(name), string.Create(CultureInfo.InvariantCulture, $"{name} {count}"), name == chosen ? "facet on" : "facet");
        }

        if (counts.Count > FacetsShown)
        {
            html.Element("span", string.Create(CultureInfo.InvariantCulture, $"另有 {counts.Count - FacetsShown} 个，共 {counts.Skip(FacetsShown).Sum(c => c.Value)} 条"), "meta");
        }

        html.Raw("</div>");
    }

    private static void Choices(Html html, string label, (string Value, string Label)[] choices, string? chosen, Func<string?, string> link)
    {
        html.Raw("<div class=\"facets\"><span class=\"label\">").Text(label).Raw("</span>");
        html.Link(link(null), "全部", string.IsNullOrEmpty(chosen) ? "on" : null);
        foreach (var (value, text) in choices)
        {
            html.Link(link(value), text, value == chosen ? "on" : null);
        }

        html.Raw("</div>");
    }

    public static string PlanLabel(string? plan) => plan switch
    {
        "women" => "妇女规划",
        "children" => "儿童规划",
        _ => plan ?? string.Empty,
    };

    public static string SectionLabel(string? section) => Sections.FirstOrDefault(s => s.Value == section).Label ?? section ?? string.Empty;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>A page and its status: 200, or 400 for a filter the index cannot meet, 404 for an unknown subject.</summary>
public sealed record PageResult(int Status, string Html);
