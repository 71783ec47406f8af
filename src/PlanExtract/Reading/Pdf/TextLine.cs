using System.Text;

namespace PlanExtract.Reading.Pdf;

/// <summary>A line of text on a page, with the box the segmenting heuristics look at.</summary>
internal sealed record TextLine(string Text, int Page, double Left, double Right, double Baseline, double Size)
{
    public double Top => Baseline + Size;
}

/// <summary>
/// Groups a page's glyphs into lines by baseline, not by content-stream order: LibreOffice
/// draws the closing quote of a line in a fallback font after the rest of the page.
/// </summary>
internal static class LineBuilder
{
    public static List<TextLine> Build(IReadOnlyList<Glyph> glyphs, int page)
    {
        var sorted = glyphs.OrderByDescending(g => g.Baseline).ThenBy(g => g.Left).ToList();
        var lines = new List<TextLine>();
        var current = new List<Glyph>();
        double baseline = 0, size = 0;
        foreach (var glyph in sorted)
        {
            // Glyphs of one line share a baseline to within a fraction of the type size;
            // sub- and superscripts shift less than half of it.
            if (current.Count > 0 && Math.Abs(glyph.Baseline - baseline) > 0.45 * Math.Max(size, glyph.Size))
            {
                lines.Add(Line(current, page));
                current.Clear();
            }

            if (current.Count == 0)
            {
                baseline = glyph.Baseline;
                size = glyph.Size;
            }

            current.Add(glyph);
            size = Math.Max(size, glyph.Size);
        }

        if (current.Count > 0)
        {
            lines.Add(Line(current, page));
        }

        // LibreOffice draws a list bullet on a baseline of its own above the item's first
        // line; a line of nothing but bullets is decoration and would glue onto the heading above.
        return lines.Where(l => !l.Text.All(IsBullet)).ToList();
    }

    private static bool IsBullet(char c) => c is '•' or '·' or '●' or '○' or '■' or '□' or '◆' or '◇' or '▪' or '‣' or '⁃' or '-' or '–' or ' ';

    private static TextLine Line(List<Glyph> glyphs, int page)
    {
        glyphs.Sort((a, b) => a.Left.CompareTo(b.Left));
        var sb = new StringBuilder();
        Glyph? previous = null;
        foreach (var glyph in glyphs)
        {
            if (previous is not null && NeedsSpace(previous, glyph))
            {
                sb.Append(' ');
            }

            sb.Append(glyph.Text);
            previous = glyph;
        }

        // The body size: the most common, so one large initial or small footnote mark does not decide it.
        var size = glyphs.GroupBy(g => Math.Round(g.Size)).OrderByDescending(g => g.Count()).First().Key;
        var baselineOf = glyphs.GroupBy(g => Math.Round(g.Baseline)).OrderByDescending(g => g.Count()).First().Key;
        return new TextLine(sb.ToString(), page, glyphs[0].Left, glyphs.Max(g => g.Right), baselineOf, size);
    }

    /// <summary>Chinese is joined without spaces; Latin words and numbers keep one where a gap shows one.</summary>
    private static bool NeedsSpace(Glyph previous, Glyph next)
    {
        var gap = next.Left - previous.Right;
        var size = Math.Max(previous.Size, next.Size);
        if (gap > 0.6 * size)
        {
            // A tab stop after a list label ("1.⇥妇女…" in LibreOffice), a second column, or
            // date and title in a browser's header: Chinese text itself has no such gaps.
            return true;
        }

        return gap > 0.15 * size && IsLatin(previous.Text[^1]) && IsLatin(next.Text[0]);
    }

    private static bool IsLatin(char c) => c < 0x2000 && !char.IsWhiteSpace(c);
}
