using System.Text;
using PlanExtract.Model;

namespace PlanExtract.Reading.Pdf;

/// <summary>
/// Names unknown glyphs (U+FFFD) where a block spells the document's own title around them. A
/// browser prints a page with the page title in the PDF's /Title, and the plan's title line is
/// that same text: 003.chromium-narrow.pdf draws every 清 as glyph 0 with no ActualText, so its
/// title line reads "#  远市妇女发展规划（2021—2030年）" while /Title holds "清远市妇女发展规划".
/// </summary>
internal static class UnknownGlyphRepair
{
    /// <summary>At least this many known characters must agree, so a short or stray match names nothing.</summary>
    private const int MinimumAgreeing = 4;

    public static List<SourceBlock> Repair(List<SourceBlock> blocks, string? title)
    {
        title = title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Contains(PageGlyphs.UnknownGlyph, StringComparison.Ordinal))
        {
            return blocks;
        }

        return [.. blocks.Select(b => b.Text.Contains(PageGlyphs.UnknownGlyph, StringComparison.Ordinal) ? b with { Text = Repair(b.Text, title) } : b)];
    }

    internal static string Repair(string text, string title)
    {
        var sb = new StringBuilder(text);
        for (var start = 0; start + title.Length <= sb.Length; start++)
        {
            var agreeing = 0;
            var unknown = 0;
            var fits = true;
            for (var k = 0; k < title.Length && fits; k++)
            {
                var c = sb[start + k];
                if (c == PageGlyphs.UnknownGlyph[0])
                {
                    unknown++;
                }
                else if (c == title[k])
                {
                    agreeing++;
                }
                else
                {
                    fits = false;
                }
            }

            if (fits && unknown > 0 && agreeing >= Math.Max(MinimumAgreeing, title.Length / 2))
            {
                for (var k = 0; k < title.Length; k++)
                {
                    sb[start + k] = title[k];
                }
            }
        }

        return sb.ToString();
    }
}
