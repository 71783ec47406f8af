using PlanExtract.Model;
using PlanExtract.Reading;
using PlanExtract.Reading.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PlanExtract.Tests.Reading;

public sealed class PdfReaderTests
{
    private const double Pitch = 14;

    /// <summary>Three A4 pages with a running header and "- n -" footer, the body given per page as (y, text).</summary>
    private static byte[] ThreePages(params (double Y, string Text)[][] bodies)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 0; i < bodies.Length; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText("Women Development Plan 2021-2030", 10, new PdfPoint(200, 800), font);
            page.AddText($"- {i + 1} -", 10, new PdfPoint(290, 40), font);
            foreach (var (y, text) in bodies[i])
            {
                page.AddText(text, 12, new PdfPoint(72, y), font);
            }
        }

        return builder.Build();
    }

    private static IReadOnlyList<SourceBlock> Read(byte[] pdf) => PdfReader.ReadBytes("test.pdf", pdf);

    [Fact]
    public void Running_headers_and_page_numbers_are_dropped()
    {
        var pdf = ThreePages([(700, "First page body.")], [(700, "Second page body.")], [(700, "Third page body.")]);
        var blocks = Read(pdf);
        Assert.Equal(["First page body.", "Second page body.", "Third page body."], blocks.Select(b => b.Text));
        Assert.Equal([1, 2, 3], blocks.Select(b => b.Page ?? 0));
        Assert.All(blocks, b => Assert.Null(b.Line));
    }

    [Fact]
    public void Lines_of_one_paragraph_are_joined_and_items_start_their_own_block()
    {
        var pdf = ThreePages(
            [
                (700, "1. The first goal keeps rising"),
                (700 - Pitch, "across the whole district"),
                (700 - 2 * Pitch, "every year."),
                (700 - 3 * Pitch, "2. The second goal is met."),
                (700 - 4 * Pitch, "3. A sentence broken at the page"),
            ],
            [(760, "break is joined here."), (700, "A plain paragraph after a gap.")],
            [(700, "End.")]);
        var blocks = Read(pdf);
        Assert.Equal(
            [
                "1. The first goal keeps rising across the whole district every year.",
                "2. The second goal is met.",
                "3. A sentence broken at the page break is joined here.",
                "A plain paragraph after a gap.",
                "End.",
            ],
            blocks.Select(b => b.Text));
        Assert.Equal([1, 1, 1, 2, 3], blocks.Select(b => b.Page ?? 0));
    }

    [Fact]
    public void Letters_are_ordered_by_position_not_by_drawing_order()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var hello = page.MeasureText("hello", 12, new PdfPoint(72, 700), font);
        var right = hello.Max(l => l.EndBaseLine.X) + 3.5;
        // Drawn right to left, the way LibreOffice draws a line-end quote in a fallback font last.
        page.AddText("world", 12, new PdfPoint(right, 700), font);
        page.AddText("hello", 12, new PdfPoint(72, 700), font);
        page.AddText("below", 12, new PdfPoint(72, 700 - 40), font);

        Assert.Equal(["hello world", "below"], Read(builder.Build()).Select(b => b.Text));
    }

    [Fact]
    public void Image_only_pdf_says_ocr_is_out_of_scope()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddPng(TinyPng.Gray(4, 4), new PdfRectangle(72, 600, 272, 800));
        var error = Assert.Throws<DocumentReadException>(() => Read(builder.Build()));
        Assert.Contains("OCR", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_pdf_is_reported_as_truncated()
    {
        var whole = File.ReadAllBytes(TestPaths.Fixture("003.lo.pdf"));
        var error = Assert.Throws<DocumentReadException>(() => Read(whole[..(whole.Length / 2)]));
        Assert.Contains("truncated", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypted_pdf_is_reported_as_encrypted()
    {
        var error = Assert.Throws<DocumentReadException>(() => Read(EncryptedPdf.WithUnknownPassword()));
        Assert.Contains("encrypted", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_not_a_pdf()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var error = Assert.Throws<DocumentReadException>(() => Read(bytes));
        Assert.Contains("not a PDF", error.Reason, StringComparison.Ordinal);
        Assert.Throws<DocumentReadException>(() => Read([]));
    }

    [Fact]
    public void Registered_in_the_default_readers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"planextract-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, ThreePages([(700, "Body.")], [(700, "More.")]));
        try
        {
            Assert.Equal(["Body.", "More."], DocumentReaders.Default.Read(path).Select(b => b.Text));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>Header and footer removal on the shapes the Chinese plans use, from lines as the line builder gives them.</summary>
public sealed class PageFurnitureTests
{
    private const double Height = 842;

    private static TextLine Line(string text, int page, double y) => new(text, page, 72, 300, y, 12);

    [Theory]
    [InlineData("— {0} —")]
    [InlineData("- {0} -")]
    [InlineData("第{0}页")]
    [InlineData("{0}/65")]
    [InlineData("file:///tmp/fx/003.html {0}/9")]
    public void Page_numbers_in_the_bottom_band_are_dropped(string pattern)
    {
        var pages = Enumerable.Range(1, 4)
            .Select(p => new List<TextLine> { Line($"正文第{p}页的内容。", p, 500), Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, p), p, 40) })
            .ToList();
        var kept = PageFurniture.Remove(pages, [.. pages.Select(_ => Height)]);
        Assert.All(kept, p => Assert.Equal([$"正文第{p[0].Page}页的内容。"], p.Select(l => l.Text)));
    }

    [Fact]
    public void A_running_title_is_dropped_but_the_same_title_in_the_body_is_kept()
    {
        const string title = "清远市妇女发展规划（2021—2030年）";
        var pages = Enumerable.Range(1, 3).Select(p => new List<TextLine> { Line(title, p, 788), Line("正文。", p, 600) }).ToList();
        pages[0].Insert(1, Line(title, 1, 731));
        var kept = PageFurniture.Remove(pages, [Height, Height, Height]);
        Assert.Equal([title, "正文。"], kept[0].Select(l => l.Text));
        Assert.Equal(["正文。"], kept[1].Select(l => l.Text));
    }

    private static readonly string[] BodyLines =
        ["", "", "", "孕产妇死亡率下降到", "普及健康知识，", "改善妇女营养状况。", "女性化妆用品抽查", "关爱老年妇女健康，", "健全妇幼健康服务体系", "完善保障妇女健康的"];

    [Fact]
    public void A_body_line_that_opens_two_pages_of_many_is_not_a_header()
    {
        var pages = Enumerable.Range(1, 10).Select(p => new List<TextLine> { Line(p <= 2 ? "主要目标：" : BodyLines[p - 1], p, 770) }).ToList();
        var kept = PageFurniture.Remove(pages, [.. pages.Select(_ => Height)]);
        Assert.Equal(10, kept.Sum(p => p.Count));
    }
}

/// <summary>Paragraphs rebuilt from Chinese lines as LibreOffice and Chromium lay them out.</summary>
public sealed class ParagraphJoinerTests
{
    private static TextLine Line(string text, int page, double y, double left = 72, double right = 516, double size = 12) =>
        new(text, page, left, right, y, size);

    [Fact]
    public void Headings_and_items_start_blocks_and_a_sentence_across_a_page_break_is_joined()
    {
        var lines = new List<TextLine>
        {
            Line("二、发展领域、主要目标和策略措施", 1, 700, right: 296, size: 14),
            Line("（一）妇女与健康。", 1, 675, right: 180),
            Line("主要目标：", 1, 651, right: 132),
            Line("1.妇女全生命周期享有良好的卫生健康服务，妇女人均预期寿命延长，人均健康", 1, 627, left: 84),
            Line("预期寿命提高。", 1, 613, left: 108, right: 192),
            Line("2.孕产妇死亡率下降到8/10万以下，城乡、区域差距逐步缩小。", 1, 589, left: 84, right: 443),
            Line("3.妇女宫颈癌和乳腺癌防治意识明显提高。宫颈癌和乳腺癌综合防治能力不断增", 1, 565, left: 84),
            Line("强。适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率逐步提", 2, 759, left: 108, right: 502),
            Line("高。", 2, 745, left: 108, right: 132),
        };
        var blocks = ParagraphJoiner.Join(lines);
        Assert.Equal(
            [
                "二、发展领域、主要目标和策略措施",
                "（一）妇女与健康。",
                "主要目标：",
                "1.妇女全生命周期享有良好的卫生健康服务，妇女人均预期寿命延长，人均健康预期寿命提高。",
                "2.孕产妇死亡率下降到8/10万以下，城乡、区域差距逐步缩小。",
                "3.妇女宫颈癌和乳腺癌防治意识明显提高。宫颈癌和乳腺癌综合防治能力不断增强。适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率逐步提高。",
            ],
            blocks.Select(b => b.Text));
        Assert.Equal(1, blocks[^1].Page);
    }

    [Fact]
    public void A_line_ending_a_sentence_short_of_the_margin_ends_the_paragraph()
    {
        // Plans set without paragraph spacing: the short last line is what ends a paragraph.
        var lines = new List<TextLine>
        {
            Line("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的十九大和十", 1, 700),
            Line("九届历次全会精神。", 1, 686, right: 180),
            Line("深入贯彻落实男女平等基本国策，创新完善男女平等和妇女全面发展制度机制。妇", 1, 672),
            Line("女平等享有全方位全生命周期健康服务。", 1, 658, right: 300),
        };
        Assert.Equal(2, ParagraphJoiner.Join(lines).Count);
    }

    [Fact]
    public void A_first_line_indent_after_a_full_line_starts_a_paragraph()
    {
        var lines = new List<TextLine>
        {
            Line("第一段的文字排满了整行，并且这一行刚好以句号结束，没有留下空白的位置。", 1, 700),
            Line("第二段首行缩进两个字。", 1, 686, left: 96, right: 228),
        };
        Assert.Equal(2, ParagraphJoiner.Join(lines).Count);
    }
}
