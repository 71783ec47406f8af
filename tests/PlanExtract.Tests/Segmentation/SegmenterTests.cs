using PlanExtract.Model;

namespace PlanExtract.Tests.Segmentation;

/// <summary>The segmenter on whole corpus documents: the noise it must see through.</summary>
public sealed class SegmenterTests
{
    private static PlanDocument Read(string folder) => Pipeline.Default.Read(Path.Combine(RepoPaths.Corpus, folder, "plans.txt"));

    [Fact]
    public void A_sentence_broken_across_blank_lines_is_one_item()
    {
        // 清远市 lines 19-21: "…支持家庭发展的" / (blank) / "法规政策体系更加完善…"
        var goal = Read("广东省/清远市").Plans[0].Sections.Single(s => s.Heading.Contains("总体目标", StringComparison.Ordinal));
        Assert.Contains("支持家庭发展的法规政策体系更加完善", Assert.Single(goal.Items).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_number_on_its_own_line_takes_the_next_line()
    {
        // 荔浦 lines 157-158: "13." then the item's text
        var education = Read("广西壮族自治区/桂林市/荔浦市").Plans[0].Domains.Single(d => d.Name == "妇女与教育");
        var item = education.Sections.Single(s => s.Kind == SectionKind.Measure).Items.Single(i => i.Number == "13");
        Assert.Equal(157, item.Span.Line);
        Assert.True(item.Text.Length > 10);
    }

    [Fact]
    public void Navigation_and_cover_notice_stay_outside_the_plans()
    {
        var document = Read("广东省/深圳市/宝安区");
        Assert.Equal(31, document.Plans[0].Span.Line);
        Assert.DoesNotContain(document.Plans.SelectMany(p => p.AllItems()), i => i.Text.Contains("政府信息公开", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unrelated_notice_before_the_plans_is_skipped()
    {
        var document = Read("广东省/清远市/清城区");
        Assert.Equal([70, 561], document.Plans.Select(p => p.Span.Line));
        Assert.DoesNotContain(document.Plans.SelectMany(p => p.AllItems()), i => i.Text.Contains("土壤普查", StringComparison.Ordinal));
    }

    [Fact]
    public void The_gazette_trailer_is_not_part_of_the_last_item()
    {
        var last = Read("广东省/清远市/清城区").Plans[1].Sections[^1].Items[^1];
        Assert.DoesNotContain("公开方式", last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unnumbered_goal_paragraphs_are_items()
    {
        // 宝安: every 主要目标 is one paragraph; 主要指标 are numbered (1)…
        var health = Read("广东省/深圳市/宝安区").Plans[0].Domains[0];
        Assert.Equal(["主要目标", "主要指标", "策略措施"], health.Sections.Select(s => s.Heading));
        Assert.Equal([1, 10, 12], health.Sections.Select(s => s.Items.Count));
    }

    [Fact]
    public void Key_projects_are_items_of_the_plan()
    {
        var projects = Read("广东省/清远市/清城区").Plans[0].Projects;
        Assert.Equal(Enumerable.Range(1, 8).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), projects.Select(p => p.Number));
        Assert.StartsWith("妇幼健康保护工程", projects[0].Text, StringComparison.Ordinal);
    }
}
