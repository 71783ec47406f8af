using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace PlanExtract.Reading.Docx;

/// <summary>
/// The text of one paragraph as Word shows it with all changes accepted: inserted runs kept,
/// deleted and moved-away runs left out, field codes, drawings and hidden text skipped.
/// </summary>
internal static class ParagraphText
{
    // Stands for a run that holds nothing but a space until the paragraph is split.
    private const char SoftBreak = '\u2028';

    /// <summary>
    /// The paragraph's text, split where a converter turned a line break into a space run:
    /// pandoc writes the .txt's "（四）妇女参与决策和管理⏎主要目标：⏎1. 保障妇女…" as one
    /// paragraph with " " runs between the lines. Chinese puts no spaces between words, so a
    /// space run between Chinese text and a Chinese word, bracket or number is a line break.
    /// </summary>
    public static IReadOnlyList<string> Lines(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        Append(paragraph, sb);
        var text = sb.ToString();
        if (!text.Contains(SoftBreak, StringComparison.Ordinal))
        {
            return [text];
        }

        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != SoftBreak)
            {
                continue;
            }

            if (i > start && IsChineseEnd(text[i - 1]) && i + 1 < text.Length && StartsChineseLine(text[i + 1]))
            {
                lines.Add(text[start..i]);
                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return [.. lines.Select(l => l.Replace(SoftBreak, ' '))];
    }

    /// <summary>A paragraph whose mark is a deleted revision is gone once the change is accepted.</summary>
    public static bool IsDeleted(Paragraph paragraph) =>
        paragraph.GetFirstChild<ParagraphProperties>()?.GetFirstChild<ParagraphMarkRunProperties>()?.GetFirstChild<Deleted>() is not null;

    private static void Append(OpenXmlElement element, StringBuilder sb)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case WordText text:
                    sb.Append(text.Text);
                    break;
                case TabChar or PositionalTab:
                    sb.Append(' ');
                    break;
                case Break or CarriageReturn:
                    // One block per paragraph, and the segmenter reads a block as one line.
                    sb.Append(' ');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
                case Run run when IsHidden(run):
                    break;
                case Run run when IsSpaceOnly(run):
                    sb.Append(SoftBreak);
                    break;
                case DeletedRun or MoveFromRun or DeletedText or DeletedFieldCode or FieldCode:
                case ParagraphProperties or RunProperties:
                case Drawing or Picture or EmbeddedObject or AlternateContent:
                    // Text boxes inside drawings are not the body's reading order, and
                    // mc:AlternateContent holds them twice (choice and fallback).
                    break;
                default:
                    Append(child, sb);
                    break;
            }
        }
    }

    private static bool IsSpaceOnly(Run run) =>
        run.Elements<WordText>().ToList() is [{ Text: " " }] && !run.ChildElements.Any(c => c is TabChar or Break or CarriageReturn);

    private static bool IsChineseEnd(char c) => IsIdeograph(c) || c is '。' or '：' or '；' or '，' or '、' or '）' or '！' or '？';

    private static bool StartsChineseLine(char c) => IsIdeograph(c) || c is '（' or '(' or (>= '0' and <= '9');

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static bool IsHidden(Run run) =>
        run.GetFirstChild<RunProperties>()?.GetFirstChild<Vanish>() is { } vanish && (vanish.Val?.Value ?? true);
}
