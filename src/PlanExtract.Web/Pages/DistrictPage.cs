using System.Globalization;
using PlanExtract.Model;

namespace PlanExtract.Web.Pages;

/// <summary>A district: its document, its plans and their domains with counts, the governments above and below it.</summary>
public static class DistrictPage
{
    public static PageResult Render(SiteData data, ISiteLinks links, string documentId)
    {
        if (data.Document(documentId) is not { } document)
        {
            return new PageResult(404, Layout.Page(links, "未知地区", html => html.Element("h1", "未知地区").Element("p", $"语料中没有“{documentId}”。", "error")));
        }

        var meta = document.Document.Metadata;
        var body = Layout.Page(links, meta.DisplayName, html =>
        {
            html.Element("h1", meta.DisplayName);
            html.Raw("<table class=\"facts\"><tbody>");
            Fact(html, "省", meta.Province);
            Fact(html, "市", meta.City);
            Fact(html, "发文机关", meta.Issuer);
            Fact(html, "文号", meta.DocumentNumber);
            Fact(html, "日期", meta.Date);
            html.Raw("<tr><th>原文</th><td>").Link(links.Source(documentId, null, null), document.Document.Source).Raw("</td></tr>");
            if (data.Parent(document) is { } parent)
            {
                html.Raw("<tr><th>上级政府</th><td>").Link(links.District(parent.Document.Id), parent.Document.Metadata.DisplayName).Raw("</td></tr>");
            }

            var children = data.Children(document).ToList();
            if (children.Count > 0)
            {
                html.Raw("<tr><th>下级政府</th><td>");
                foreach (var child in children)
                {
                    html.Link(links.District(child.Document.Id), child.Document.Metadata.DisplayName).Raw(" ");
                }

                html.Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
            // The whole tree: the records keep only the items with targets and the measures, and the counts are of every item.
            foreach (var plan in data.Full(document).Plans.Plans)
            {
                Plan(html, links, documentId, plan);
            }

            Unread(html, links, documentId, data.Unread(document));
        });
        return new PageResult(200, body);
    }

    /// <summary>The numbers no rule read: where a target the grammar missed would hide (<c>planextract explain</c>).</summary>
    private static void Unread(Html html, ISiteLinks links, string documentId, IReadOnlyList<Extraction.AuditedNumber> unread)
    {
        html.Element("h2", string.Create(CultureInfo.InvariantCulture, $"未读数字（{unread.Count}）"));
        if (unread.Count == 0)
        {
            html.Element("p", "目标、措施和重点工程中的每个数字都已归类（目标值、年份、编号、限定语、往年数据或名称）。", "meta");
            return;
        }

        html.Element("p", "以下数字出现在目标、措施或重点工程中，但没有规则把它读成目标，也不是年份、编号、限定语、往年数据或名称。", "meta");
        html.Raw("<div class=\"wide\"><table class=\"unread\"><thead><tr><th>位置</th><th>数字</th><th>所在句子</th></tr></thead><tbody>");
        foreach (var number in unread)
        {
            html.Raw("<tr><td class=\"num\">")
                .Link(links.Source(documentId, number.Line, number.Page), number.Line is { } line ? $"第{line}行" : $"第{number.Page}页")
                .Raw("</td>").Element("td", number.Number, "num").Element("td", number.Excerpt()).Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    private static void Fact(Html html, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            html.Raw("<tr><th>").Text(label).Raw("</th>").Element("td", value).Raw("</tr>");
        }
    }

    private static void Plan(Html html, ISiteLinks links, string documentId, Plan plan)
    {
        html.Raw("<h2>").Link(links.Source(documentId, plan.Span.Line, plan.Span.Page), plan.Title).Raw("</h2>");
        var targets = plan.AllItems().Sum(i => i.Targets.Count);
        html.Element("p", string.Create(CultureInfo.InvariantCulture, $"{SearchPage.PlanLabel(plan.Kind.ToContractName())} · {plan.Domains.Count} 个领域 · {targets} 个量化目标 · {plan.Projects.Count} 项重点工程/项目"), "meta");
        html.Raw("<div class=\"wide\"><table class=\"domains\"><thead><tr><th>领域</th><th>主要目标</th><th>策略措施</th><th>量化目标</th></tr></thead><tbody>");
        foreach (var domain in plan.Domains)
        {
            html.Raw("<tr><td>").Link(links.Source(documentId, domain.Span.Line, domain.Span.Page), domain.Name).Raw("</td>");
            Count(html, domain.Sections.Where(s => s.Kind == SectionKind.Goal).Sum(s => s.Items.Count));
            Count(html, domain.Sections.Where(s => s.Kind == SectionKind.Measure).Sum(s => s.Items.Count));
            Count(html, domain.Sections.SelectMany(s => s.Items).Sum(i => i.Targets.Count));
            html.Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    private static void Count(Html html, int count) => html.Element("td", count.ToString(CultureInfo.InvariantCulture), "num");
}
