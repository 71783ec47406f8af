using System.Text;
using System.Text.RegularExpressions;
using PlanExtract.Model;

namespace PlanExtract.Reading.Pdf;

/// <summary>
/// Rebuilds paragraphs from lines, across page breaks too. The segmenter needs every heading
/// ("一、", "（一）妇女与健康。", "主要目标：") and every item ("1. …") to start a block, and a
/// sentence the page broke to be one block. A new block starts at an item or heading marker,
/// at a change of type size, after a blank gap wider than the line spacing, or after a line
/// that ends a sentence when that line stops short of the margin or the next line is indented.
/// </summary>
internal static partial class ParagraphJoiner
{
    /// <param name="pageWidth">Used to place the right margin when there are too few lines to measure it.</param>
    public static List<SourceBlock> Join(IReadOnlyList<TextLine> lines, double pageWidth = 595)
    {
        var blocks = new List<SourceBlock>();
        if (lines.Count == 0)
        {
            return blocks;
        }

        var layout = Layout.Measure(lines, pageWidth);
        var text = new StringBuilder();
        var firstPage = lines[0].Page;
        TextLine? previous = null;
        TextLine? paragraphFirst = null;
        foreach (var line in lines)
        {
            if (previous is not null && StartsBlock(previous, line, paragraphFirst!, layout))
            {
                blocks.Add(new SourceBlock(text.ToString(), null, firstPage));
                text.Clear();
            }

            if (text.Length == 0)
            {
                firstPage = line.Page;
                paragraphFirst = line;
            }
            else if (text[^1] < 0x2000 && !char.IsWhiteSpace(text[^1]) && IsLatin(line.Text[0]))
            {
                text.Append(' ');
            }

            text.Append(line.Text);
            previous = line;
        }

        blocks.Add(new SourceBlock(text.ToString(), null, firstPage));
        return blocks;
    }

    private static bool StartsBlock(TextLine previous, TextLine line, TextLine paragraphFirst, Layout layout)
    {
        // A Markdown heading printed as written ("# 清远市妇女发展规划（2021—2030年）") is a block of its own.
        if (Marker().IsMatch(line.Text) || line.Text.TrimStart().StartsWith('#'))
        {
            return true;
        }

        // A heading set one size up (14 pt over 12 pt body) starts a block even without a gap.
        if (Math.Abs(line.Size - previous.Size) > 0.1 * Math.Max(line.Size, previous.Size))
        {
            return true;
        }

        var samePage = line.Page == previous.Page;
        if (samePage && previous.Baseline - line.Baseline > layout.LinePitch * 1.2)
        {
            return true;
        }

        var stopsShort = previous.Right < layout.RightMargin - 2.5 * previous.Size;

        // A printed Markdown heading that stops short of the margin is whole, even with no full stop
        // and the page turning under it ("### 1.主要目标" at the foot of a page in 004.chromium-narrow.pdf).
        if (stopsShort && previous.Text.TrimStart().StartsWith('#'))
        {
            return true;
        }

        if (!EndsSentence(previous.Text))
        {
            return false;
        }

        // An item's second line sits under its text, right of the label: that hanging indent
        // is not a new paragraph.
        var hanging = ReferenceEquals(previous, paragraphFirst) && Marker().IsMatch(previous.Text);
        var indented = !hanging && line.Left > previous.Left + 1.2 * line.Size;
        return stopsShort || indented;
    }

    private static bool EndsSentence(string text)
    {
        var end = text.TrimEnd().TrimEnd('”', '’', '"', '」', '』');
        // A Latin full stop ends a sentence after a word, not after a number: "8.5" can wrap as "8." "5%".
        return end.Length > 0 && ("。！？；：!?;:".Contains(end[^1], StringComparison.Ordinal)
            || end is [.., var c, '.'] && char.IsLetter(c));
    }

    private static bool IsLatin(char c) => c < 0x2000 && char.IsLetterOrDigit(c);

    /// <summary>How the body is set: its usual line spacing and where its full lines end.</summary>
    private sealed record Layout(double LinePitch, double RightMargin)
    {
        public static Layout Measure(IReadOnlyList<TextLine> lines, double pageWidth)
        {
            var pitches = new List<double>();
            for (var i = 1; i < lines.Count; i++)
            {
                var (a, b) = (lines[i - 1], lines[i]);
                if (a.Page == b.Page && Math.Abs(a.Size - b.Size) < 0.5 && a.Baseline > b.Baseline)
                {
                    pitches.Add(Math.Round(a.Baseline - b.Baseline));
                }
            }

            // The most common distance between neighbouring lines is the line spacing; larger
            // ones are paragraph spacing. With too few lines to tell, no spacing is wider than
            // about twice the type size.
            var size = lines.GroupBy(l => Math.Round(l.Size)).OrderByDescending(g => g.Count()).First().Key;
            var pitch = pitches.Count > 0
                ? pitches.GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key
                : size * 1.5;
            pitch = Math.Min(pitch, size * 2.2);
            // Most lines of a plan run to the right margin; a handful of lines may all be short,
            // and then the margin mirrors the left one, as page setups do.
            var rights = lines.Select(l => l.Right).Order().ToList();
            var margin = lines.Count >= 20 ? rights[(int)((rights.Count - 1) * 0.9)] : pageWidth - lines.Min(l => l.Left);
            return new Layout(pitch, margin);
        }
    }

    // "一、" "（一）" "1." "1、" "（1）" "①" "第一章", and a domain's section headings; also after
    // Markdown hashes, which a browser prints as written ("##二、发展领域…" in 003.chromium-narrow.pdf).
    [GeneratedRegex(@"^\s*#{0,6}\s*(?:[一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[.．、](?!\d)|[①-⑳]|第[一二三四五六七八九十\d]{1,3}[章节部分]|(?:主要目标|主要指标|策略措施)\s*[:：]?\s*$)")]
    private static partial Regex Marker();
}
