using System.Text;
using PlanExtract.Reading;

namespace PlanExtract.Tests.Reading;

/// <summary>The read limits and the text checks, in process: where each one draws its line.</summary>
public sealed class ReadLimitTests
{
    private static readonly string Plan = File.ReadAllText(TestPaths.CorpusPlan(Path.Combine("广东省", "清远市")), Encoding.UTF8);

    static ReadLimitTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Numbering_that_starts_at_int_max_counts_on_past_it()
    {
        // Two items of a chineseCounting list starting at 2147483647: the second is 2147483648,
        // shown digit by digit as Word does past 十万.
        var builder = new DocxBuilder().List(1, ("chineseCounting", "%1、", int.MaxValue)).Num(1, 1)
            .Paragraph("甲", 1, 0).Paragraph("乙", 1, 0);
        var lines = DocxReader.ReadBytes("max.docx", builder.Build()).Select(b => b.Text.Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();
        Assert.Equal(["二一四七四八三六四七、甲", "二一四七四八三六四八、乙"], lines);
    }

    [Fact]
    public void A_letter_label_past_the_limit_is_refused_naming_it()
    {
        var builder = new DocxBuilder().List(1, ("upperLetter", "%1.", 2_000_000_000)).Num(1, 1).Paragraph("甲", 1, 0);
        var error = Assert.Throws<DocumentReadException>(() => DocxReader.ReadBytes("letters.docx", builder.Build()));
        Assert.Contains("32 characters per numbering label", error.Reason, StringComparison.Ordinal);
        Assert.Contains("76,923,077 letters", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_controls_nested_below_the_depth_limit_are_read()
    {
        // 60 nested w:sdt around one paragraph: each is two XML levels (w:sdt, w:sdtContent), so the
        // w:t sits at depth 124, within the 128 levels a document may use.
        DocumentFormat.OpenXml.OpenXmlElement element = DocxBuilder.MakeParagraph("孕产妇死亡率下降到8/10万以下");
        for (var i = 0; i < 60; i++)
        {
            element = new DocumentFormat.OpenXml.Wordprocessing.SdtBlock(new DocumentFormat.OpenXml.Wordprocessing.SdtContentBlock(element));
        }

        var blocks = DocxReader.ReadBytes("deep.docx", new DocxBuilder().Element(element).Build());
        Assert.Equal("孕产妇死亡率下降到8/10万以下", Assert.Single(blocks).Text);
    }

    [Fact]
    public void A_paragraph_limit_counts_paragraphs_as_they_are_read()
    {
        var builder = new DocxBuilder();
        for (var i = 0; i < 11; i++)
        {
            builder.Paragraph("段落" + i);
        }

        var limits = ReadLimits.Default with { MaxParagraphs = 10 };
        var error = Assert.Throws<DocumentReadException>(() => DocxReader.ReadBytes("p.docx", builder.Build(), limits));
        Assert.Contains("10 paragraphs or lines", error.Reason, StringComparison.Ordinal);
        Assert.Equal(10, DocxReader.ReadBytes("p.docx", builder.Build(), limits with { MaxParagraphs = 11 }).Count - 1);
    }

    [Fact]
    public void A_few_broken_lines_in_a_utf8_plan_are_damage_not_a_second_encoding()
    {
        // Two lines in GB18030 among ~250 UTF-8 lines: read as before (the two lines garbled),
        // not refused; a file pasted together from two encodings has many of each.
        var lines = Plan.Split('\n');
        var bytes = new List<byte>();
        for (var i = 0; i < lines.Length; i++)
        {
            var encoding = i is 40 or 41 ? Encoding.GetEncoding("GB18030") : Encoding.UTF8;
            bytes.AddRange(encoding.GetBytes(lines[i] + "\n"));
        }

        var blocks = TextDocumentReader.ReadBytes("damaged.txt", [.. bytes]);
        Assert.Contains(blocks, b => b.Text.Contains("孕产妇死亡率", StringComparison.Ordinal));
    }

    [Fact]
    public void Three_legacy_lines_in_fifty_utf8_lines_are_mixed()
    {
        var lines = Plan.Split('\n').Where(l => l.Any(c => c > '\u007F')).Take(50).ToArray();
        var bytes = new List<byte>();
        for (var i = 0; i < lines.Length; i++)
        {
            var encoding = i is 10 or 20 or 30 ? Encoding.GetEncoding("GB18030") : Encoding.UTF8;
            bytes.AddRange(encoding.GetBytes(lines[i] + "\n"));
        }

        var error = Assert.Throws<DocumentReadException>(() => TextDocumentReader.ReadBytes("mixed.txt", [.. bytes]));
        Assert.Contains("47 lines are UTF-8 (the first at line 1) and 3 are not (the first at line 11", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_byte_anywhere_marks_binary_content_with_its_line()
    {
        var text = Plan[..20_000] + "\0" + Plan[20_000..];
        var line = Plan[..20_000].Count(c => c == '\n') + 1;
        var error = Assert.Throws<DocumentReadException>(() => TextDocumentReader.ReadBytes("nul.txt", Encoding.UTF8.GetBytes(text)));
        Assert.Equal($"not a text document (binary content at line {line})", error.Reason);
    }

    [Fact]
    public void Max_document_mb_scales_every_size_limit_and_keeps_the_structural_ones()
    {
        var doubled = ReadLimits.ForDocumentMegabytes(128);
        Assert.Equal(128L * 1024 * 1024, doubled.MaxDocumentBytes);
        Assert.Equal(2 * ReadLimits.Default.MaxPartBytes, doubled.MaxPartBytes);
        Assert.Equal(2 * ReadLimits.Default.MaxParagraphs, doubled.MaxParagraphs);
        Assert.Equal(2 * ReadLimits.Default.MaxTextChars, doubled.MaxTextChars);
        Assert.Equal(2 * ReadLimits.Default.MaxPdfPages, doubled.MaxPdfPages);
        Assert.Equal(ReadLimits.Default.MaxXmlDepth, doubled.MaxXmlDepth);
        Assert.Equal(ReadLimits.Default.MaxLabelChars, doubled.MaxLabelChars);
        Assert.Equal(ReadLimits.Default, ReadLimits.ForDocumentMegabytes(ReadLimits.DefaultDocumentMegabytes));
    }
}
