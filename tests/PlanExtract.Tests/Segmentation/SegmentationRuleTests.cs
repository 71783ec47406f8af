using PlanExtract.Model;
using PlanExtract.Segmentation;
using PlanExtract.Segmentation.Rules;

namespace PlanExtract.Tests.Segmentation;

/// <summary>Each segmentation rule pinned on the corpus lines that need it.</summary>
public sealed class SegmentationRuleTests
{
    private static PlanLine Line(string text) => PlanLine.From(new SourceBlock(text, 1, null))!;

    [Theory]
    [InlineData("清远市清城区妇女发展规划（2021—2030年）", PlanKind.Women, "清远市清城区")] // 清城区 line 70
    [InlineData("清远市清城区儿童发展规划（2021—2030 年）", PlanKind.Children, "清远市清城区")] // space before 年
    [InlineData("### 深圳市宝安区妇女发展规划（2021—2030年）", PlanKind.Women, "深圳市宝安区")] // any heading level
    [InlineData("荔浦市妇女发展规划", PlanKind.Women, "荔浦市")] // period on the next line
    [InlineData("# 清远市妇女发展规划（2021—2030年）", PlanKind.Women, "清远市")]
    public void Plan_titles_start_plans(string text, PlanKind kind, string issuer)
    {
        var match = PlanTitleRule.Recognize(Line(text));
        Assert.NotNull(match);
        Assert.Equal(kind, match.Kind);
        Assert.Equal(issuer, match.Issuer);
    }

    [Theory]
    [InlineData("现将《荔浦市妇女发展规划（2021-2030年）》和《荔浦市儿童发展规划（2021-2030年）》印发给你们，请认真组织实施。")]
    [InlineData("## 深圳市宝安区人民政府关于印发深圳市宝安区妇女发展规划和深圳市宝安区儿童发展规划的通知")]
    [InlineData("二、清远市清城区人民政府关于印发《清远市清城区妇女发展规划（2021-2030年）》《清远市清城区儿童发展规划（2021-2030年）》的通知")]
    public void Titles_named_in_notices_do_not(string text) => Assert.Null(PlanTitleRule.Recognize(Line(text)));

    [Fact]
    public void A_period_alone_on_a_line_completes_the_title() => Assert.True(PlanTitleRule.IsPeriodLine(Line("（2021-2030年）")));

    [Theory]
    [InlineData("## 一、总体要求", 1, "总体要求")]
    [InlineData("### 三、重点项目", 3, "重点项目")]
    [InlineData("二、发展领域、主要目标和策略措施", 2, "发展领域、主要目标和策略措施")]
    [InlineData("## 二、发展领域、主要目标指标和策略措施", 2, "发展领域、主要目标指标和策略措施")]
    public void Part_headings(string text, int number, string title)
    {
        var match = PartHeadingRule.Recognize(Line(text));
        Assert.Equal(new PartHeadingRule.Match(number, title), match);
    }

    [Fact]
    public void A_long_contents_line_is_not_a_part_heading() =>
        Assert.Null(PartHeadingRule.Recognize(Line("一、清远市清城区人民政府办公室关于成立清城区第三次全国土壤普查领导小组的通知")));

    [Theory]
    [InlineData("（一）妇女与健康。", 1, "妇女与健康", "")]
    [InlineData("## **(五) 妇女与社会保障**", 5, "妇女与社会保障", "")]
    [InlineData("(十一)鼓励社会各界广泛参与规划实施。健全学校、家庭、社会", 11, "鼓励社会各界广泛参与规划实施", "健全学校、家庭、社会")]
    [InlineData("#### （六）公共突发事件中妇女儿童关爱应急机制建设项目", 6, "公共突发事件中妇女儿童关爱应急机制建设项目", "")]
    public void Sub_headings(string text, int number, string title, string body)
    {
        var match = SubHeadingRule.Recognize(Line(text));
        Assert.NotNull(match);
        Assert.Equal((number, title, body), (match.Number, match.Title, match.Body));
    }

    [Theory]
    [InlineData("主要目标：", SectionKind.Goal)]
    [InlineData("#### 1. 主要目标", SectionKind.Goal)] // a numbered heading, not item 1
    [InlineData("### **2. 主要指标**", SectionKind.Goal)]
    [InlineData("策略措施:", SectionKind.Measure)] // half-width colon
    [InlineData("##### **3. 策略措施。**", SectionKind.Measure)]
    public void Section_headings(string text, SectionKind kind) => Assert.Equal(kind, SectionHeadingRule.Recognize(Line(text))?.Kind);

    [Theory]
    [InlineData("1. 妇女全生命周期享有良好的卫生健康服务", 1, "妇女全生命周期享有良好的卫生健康服务")]
    [InlineData("13.", 13, "")] // 荔浦 line 157: the number on a line of its own
    [InlineData("（2）孕产妇死亡率下降到6.5/10万以下，保持发达国家水平。", 2, "孕产妇死亡率下降到6.5/10万以下，保持发达国家水平。")]
    [InlineData("(9) 女性化妆用品抽查合格率达到95%以上。", 9, "女性化妆用品抽查合格率达到95%以上。")]
    [InlineData("- (2) 街道社会工作服务站覆盖率达到100%", 2, "街道社会工作服务站覆盖率达到100%")] // Markdown bullet
    [InlineData("2.孕产妇死亡率", 2, "孕产妇死亡率")] // no space after the number
    public void Item_numbers(string text, int number, string rest) =>
        Assert.Equal(new ItemNumberRule.Match(number, rest), ItemNumberRule.Recognize(Line(text)));

    [Theory]
    [InlineData("1.12名、床位3.17张")]
    [InlineData("2022年7月1日")]
    [InlineData("᱅.孕产妇死亡率")] // FuzzTests mutation 1163: an Ol Chiki digit is no item number
    public void Numbers_that_are_not_items(string text) => Assert.Null(ItemNumberRule.Recognize(Line(text)));

    [Theory]
    [InlineData("公开方式：主动公开")]
    [InlineData("2022年8月25日印发")]
    [InlineData("网站备案号: 粤ICP备11016239号-7")]
    public void Trailers_end_the_plan(string text) => Assert.True(TrailerRule.Recognize(Line(text)));

    // Issue 11: shapes of real plans outside the corpus (Specs/segmentation.md dev rows, source in the row).
    [Theory]
    [InlineData("中国妇女发展纲要(2021—2030年)全文", PlanKind.Women, "中国妇女发展纲要(2021—2030年)")] // row 5, lx0797.cn
    [InlineData("洪山区儿童发展“十二五”规划", PlanKind.Children, "洪山区儿童发展“十二五”规划")] // row 72
    [InlineData("南京市“十三五”妇女发展规划", PlanKind.Women, "南京市“十三五”妇女发展规划")] // row 75
    [InlineData("诸暨市妇女发展“十四五”规划", PlanKind.Women, "诸暨市妇女发展“十四五”规划")] // row 46
    [InlineData("XX省儿童发展规划(2021-2025年)", PlanKind.Children, "XX省儿童发展规划(2021-2025年)")] // row 78, a template
    [InlineData("《乌拉特中旗妇女发展规划(2021-2030年)》.doc", PlanKind.Women, "乌拉特中旗妇女发展规划(2021-2030年)")] // row 53, a viewer
    public void Titles_of_other_generations_and_pages(string text, PlanKind kind, string name)
    {
        Assert.Equal(kind, PlanTitleRule.Recognize(Line(text))?.Kind);
        Assert.Equal(name, PlanTitleRule.Name(text));
    }

    [Theory]
    [InlineData("河南省妇女发展规划和河南省儿童发展规划")] // row 50: a file naming two plans
    [InlineData("《诸暨市妇女发展规划(2016—2020年)》确定了7大优先发展领域的78项主要目标")] // row 46: a citation
    public void Names_of_two_plans_or_citations_are_not_titles(string text) => Assert.Null(PlanTitleRule.Recognize(Line(text)));

    [Fact]
    public void A_notice_names_the_plan_of_a_text_without_a_title()
    {
        // row 74, fymate.com: the only title is inside the notice heading.
        const string Notice = "上海市闵行区人民政府关于印发闵行区妇女发展“十二五”规划的通知";
        var named = PlanTitleRule.NamedInNotice(Line(Notice).Folded, Notice);
        Assert.Equal("闵行区妇女发展“十二五”规划", named?.Title);
    }

    [Theory]
    [InlineData("兒童與教育", "儿童与教育")] // row 24: folded to simplified
    [InlineData("妇女参与决策和管理。", "妇女参与决策和管理")]
    [InlineData("婦女與經濟", "妇女与经济")] // row 17 (pinyin remnants taken off first)
    public void Domain_names_say_they_are_domains(string text, string name) => Assert.Equal(name, DomainNameRule.Recognize(text));

    [Theory]
    [InlineData("妇女参与基层治理项目")] // 宝安 重点项目 (三): a project, not a domain
    [InlineData("妇女与健康领域的主要目标和策略措施已经实现")]
    public void Project_names_and_sentences_are_not_domains(string text) => Assert.Null(DomainNameRule.Recognize(text));

    [Fact]
    public void A_run_in_line_is_cut_at_headings_and_items()
    {
        // row 11, hezhiquan.com: a whole section on one line.
        var line = Line("(二)儿童与教育。 主要目标: 1.促进0-3岁儿童早期综合发展。 2.基本普及学前教育。学前三年毛入园率达到70%");
        var pieces = RunInSplitter.Split(line).Select(p => p.Text).ToList();
        Assert.Equal(["(二)儿童与教育。", "主要目标:", "1.促进0-3岁儿童早期综合发展。", "2.基本普及学前教育。学前三年毛入园率达到70%"], pieces);
    }

    [Fact]
    public void A_title_run_into_its_preface_is_cut_after_its_period() =>
        // row 10, cucdc.com
        Assert.Equal(
            ["中国儿童发展纲要(2011-2020年)", "儿童时期是人生发展的关键时期。"],
            RunInSplitter.Split(Line("中国儿童发展纲要(2011-2020年) 儿童时期是人生发展的关键时期。")).Select(p => p.Text));

    [Theory]
    [InlineData("現(xiàn)將《中國婦女發(fā)展綱要(2021—2030年)》", "現將《中國婦女發展綱要(2021—2030年)》")] // row 16
    [InlineData("推进适龄女生人乳头瘤病毒(HPV)疫苗接种", "推进适龄女生人乳头瘤病毒(HPV)疫苗接种")] // 清远: a word, not a remnant
    public void Pinyin_remnants_come_off(string text, string stripped) => Assert.Equal(stripped, PlanExtract.Text.PinyinRemnants.Strip(text));

    [Fact]
    public void Unknown_glyphs_are_named_from_the_document_title() =>
        // 003.chromium-narrow.pdf draws every 清 as glyph 0; its /Title is 清远市妇女发展规划.
        Assert.Equal(
            "#清远市妇女发展规划（2021—2030年）",
            PlanExtract.Reading.Pdf.UnknownGlyphRepair.Repair("#\uFFFD远市妇女发展规划（2021—2030年）", "清远市妇女发展规划"));
}
