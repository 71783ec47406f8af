using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using PlanExtract.Reading;

namespace PlanExtract.Tests.Reading;

public sealed class DocxReaderTests
{
    private static List<string> Read(DocxBuilder builder) =>
        [.. DocxReader.ReadBytes("test.docx", builder.Build()).Select(b => b.Text)];

    [Theory]
    [InlineData("decimal", "%1.", 3, "3. 正文")]
    [InlineData("decimal", "%1、", 12, "12、正文")]
    [InlineData("chineseCounting", "%1、", 1, "一、正文")]
    [InlineData("chineseCounting", "%1、", 10, "十、正文")]
    [InlineData("chineseCounting", "%1、", 11, "十一、正文")]
    [InlineData("chineseCounting", "（%1）", 21, "（二十一）正文")]
    [InlineData("chineseCountingThousand", "%1、", 20, "二十、正文")]
    [InlineData("chineseCountingThousand", "%1、", 123, "一百二十三、正文")]
    [InlineData("ideographTraditional", "%1、", 3, "丙、正文")]
    [InlineData("decimalEnclosedCircle", "%1", 3, "③ 正文")]
    [InlineData("upperLetter", "%1.", 2, "B. 正文")]
    [InlineData("upperLetter", "%1.", 28, "BB. 正文")]
    [InlineData("lowerLetter", "%1)", 1, "a) 正文")]
    [InlineData("upperRoman", "%1.", 4, "IV. 正文")]
    [InlineData("lowerRoman", "%1.", 9, "ix. 正文")]
    public void Renders_each_number_format(string format, string lvlText, int start, string expected)
    {
        var builder = new DocxBuilder().List(1, (format, lvlText, start)).Num(1, 1).Paragraph("正文", numId: 1, level: 0);
        var text = Read(builder).Single();

        // A label that ends in a bracket or 、 needs no space in Chinese, but the default tab
        // suffix is shown as one space either way; compare without it.
        Assert.Equal(expected.Replace(" ", string.Empty, StringComparison.Ordinal), text.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.StartsWith(expected[..expected.IndexOf('正', StringComparison.Ordinal)].TrimEnd(), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_up_within_a_list()
    {
        var builder = new DocxBuilder().List(1, ("decimal", "%1.", 1)).Num(1, 1)
            .Paragraph("甲", 1, 0).Paragraph("乙", 1, 0).Paragraph("丙", 1, 0);
        Assert.Equal(["1. 甲", "2. 乙", "3. 丙"], Read(builder));
    }

    [Fact]
    public void Start_override_restarts_a_list_and_resumes_at_its_value()
    {
        // pandoc's lists: each w:num restarts at 1, and a list a paragraph broke resumes at 3.
        var builder = new DocxBuilder()
            .List(1, ("decimal", "%1.", 1))
            .Num(1, 1, DocxBuilder.StartAt(0, 1))
            .Num(2, 1, DocxBuilder.StartAt(0, 1))
            .Num(3, 1, DocxBuilder.StartAt(0, 3))
            .Paragraph("a", 1, 0).Paragraph("b", 1, 0)
            .Paragraph("c", 2, 0).Paragraph("d", 2, 0)
            .Paragraph("续段")
            .Paragraph("e", 3, 0).Paragraph("f", 3, 0);
        Assert.Equal(["1. a", "2. b", "1. c", "2. d", "续段", "3. e", "4. f"], Read(builder));
    }

    [Fact]
    public void Two_nums_without_overrides_share_the_abstract_lists_counter()
    {
        var builder = new DocxBuilder().List(1, ("decimal", "%1.", 1)).Num(1, 1).Num(2, 1)
            .Paragraph("a", 1, 0).Paragraph("b", 2, 0);
        Assert.Equal(["1. a", "2. b"], Read(builder));
    }

    [Fact]
    public void Level_override_replaces_the_level_definition()
    {
        var replaced = new LevelOverride(DocxBuilder.Level(0, ("decimalEnclosedCircle", "%1", 1))) { LevelIndex = 0 };
        var builder = new DocxBuilder().List(1, ("decimal", "%1.", 1)).Num(1, 1).Num(2, 1, replaced)
            .Paragraph("a", 1, 0).Paragraph("b", 2, 0);
        Assert.Equal(["1. a", "① b"], Read(builder));
    }

    [Fact]
    public void Deeper_levels_reset_when_a_shallower_level_is_used()
    {
        // 003.cnnum.docx: 一、 and （一） exist only in numbering.xml. %1 in a deeper level is
        // shown in level 1's own format, as Word does without w:isLgl.
        var builder = new DocxBuilder()
            .List(1, ("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1), ("decimal", "%1.%2.%3", 1))
            .Num(1, 1)
            .Paragraph("总体要求", 1, 0).Paragraph("指导思想", 1, 1).Paragraph("总体目标", 1, 1)
            .Paragraph("发展领域", 1, 0).Paragraph("妇女与健康", 1, 1).Paragraph("细目", 1, 2);
        Assert.Equal(
            ["一、 总体要求", "（一） 指导思想", "（二） 总体目标", "二、 发展领域", "（一） 妇女与健康", "二.一.1 细目"],
            Read(builder));
    }

    [Fact]
    public void Numbering_comes_from_the_paragraph_style_and_the_styles_it_is_based_on()
    {
        var builder = new DocxBuilder()
            .List(1, ("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1))
            .Num(5, 1)
            .ParagraphStyle("PartHeading", numId: 5, level: 0)
            .ParagraphStyle("DomainBase", numId: 5, level: 1)
            .ParagraphStyle("DomainHeading", basedOn: "DomainHeading2")
            .ParagraphStyle("DomainHeading2", basedOn: "DomainBase")
            .Paragraph("总体要求", style: "PartHeading")
            .Paragraph("指导思想", style: "DomainHeading")
            .Paragraph("不编号", numId: 0, style: "DomainHeading")
            .Paragraph("总体目标", style: "DomainHeading");
        Assert.Equal(["一、 总体要求", "（一） 指导思想", "不编号", "（二） 总体目标"], Read(builder));
    }

    [Fact]
    public void A_paragraph_level_without_a_numId_takes_the_numId_of_its_style()
    {
        var builder = new DocxBuilder()
            .List(1, ("decimal", "%1.", 1), ("decimal", "(%2)", 1))
            .Num(2, 1)
            .ParagraphStyle("ListPara", numId: 2)
            .Paragraph("one", style: "ListPara").Paragraph("sub", level: 1, style: "ListPara");
        Assert.Equal(["1. one", "(1) sub"], Read(builder));
    }

    [Fact]
    public void Deleted_revisions_are_left_out_and_insertions_kept()
    {
        var paragraph = new Paragraph(
            new Run(new WordText("孕产妇死亡率下降到")),
            new DeletedRun(new Run(new DeletedText("10"))) { Id = "1", Author = "a" },
            new InsertedRun(new Run(new WordText("8"))) { Id = "2", Author = "a" },
            new Run(new WordText("/10万以下。")));
        var builder = new DocxBuilder().Element(paragraph);
        Assert.Equal(["孕产妇死亡率下降到8/10万以下。"], Read(builder));
    }

    [Fact]
    public void Headers_are_not_body_text()
    {
        var builder = new DocxBuilder().Header("清远市妇女发展规划（2021—2030年）").Paragraph("正文");
        Assert.Equal(["正文"], Read(builder));
    }

    [Fact]
    public void Table_cells_are_read_in_document_order_with_paragraph_numbers()
    {
        var table = new Table(new TableRow(
            new TableCell(DocxBuilder.MakeParagraph("指标")),
            new TableCell(DocxBuilder.MakeParagraph("目标值"))));
        var builder = new DocxBuilder().Paragraph("前").Element(table).Paragraph("后");
        var blocks = DocxReader.ReadBytes("t.docx", builder.Build());
        Assert.Equal(["前", "指标", "目标值", "后"], blocks.Select(b => b.Text));
        Assert.Equal([1, 2, 3, 4], blocks.Select(b => b.Line ?? 0));
        Assert.All(blocks, b => Assert.Null(b.Page));
    }

    [Fact]
    public void A_space_run_between_chinese_lines_is_the_line_break_pandoc_joined()
    {
        // 002.pandoc.docx: "（四）妇女参与决策和管理⏎主要目标：⏎1. 保障…" became one paragraph.
        var paragraph = new Paragraph(
            new Run(new WordText("（四）妇女参与决策和管理")),
            new Run(new WordText(" ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            new Run(new WordText("主要目标：")),
            new Run(new WordText(" ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            new Run(new WordText("1. 保障妇女参与社会治理。")));
        var blocks = DocxReader.ReadBytes("t.docx", new DocxBuilder().Element(paragraph).Build());
        Assert.Equal(["（四）妇女参与决策和管理", "主要目标：", "1. 保障妇女参与社会治理。"], blocks.Select(b => b.Text));
        Assert.All(blocks, b => Assert.Equal(1, b.Line));
    }

    [Fact]
    public void A_space_run_around_quotes_stays_a_space()
    {
        // 003.pandoc.docx: 深入实施 “家家幸福安康工程” ,鼓励… keeps its spaces.
        var paragraph = new Paragraph(
            new Run(new WordText("深入实施")),
            new Run(new WordText(" ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            new Run(new WordText("“家家幸福安康工程”")));
        Assert.Equal(["深入实施 “家家幸福安康工程”"], Read(new DocxBuilder().Element(paragraph)));
    }
}
