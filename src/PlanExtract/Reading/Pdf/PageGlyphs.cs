using System.Text;
using PlanExtract.Text;
using UglyToad.PdfPig.Content;

namespace PlanExtract.Reading.Pdf;

/// <summary>One drawn piece of text with its box: a letter, or the ActualText that replaces a run of letters.</summary>
internal sealed record Glyph(string Text, double Left, double Right, double Baseline, double Size);

/// <summary>
/// A page's letters as text to show: ActualText marked content replaces the letters it covers,
/// and what remains is folded where the font's ToUnicode map names a radical for an ideograph.
/// </summary>
internal static class PageGlyphs
{
    public const string UnknownGlyph = "\uFFFD";

    public static List<Glyph> From(Page page)
    {
        var replacements = ActualTextReplacements(page);
        var glyphs = new List<Glyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            string text;
            if (replacements.TryGetValue(letter, out var replacement))
            {
                text = replacement;
            }
            else if (letter.Value is "\0" or "")
            {
                // A glyph drawn with no Unicode and no ActualText: Chromium prints a character its
                // fonts lack as glyph 0 (003.chromium-narrow.pdf: every 清 of 清远市). Keep its place
                // as U+FFFD so words stay apart and the document title can name it.
                text = UnknownGlyph;
            }
            else
            {
                text = Fold(letter.Value);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                // Spaces are read from the gaps between letters, which every producer draws.
                continue;
            }

            // The advance along the baseline, not the glyph box: WenQuanYi's boxes in Chromium's
            // output are wider than the advance and would put "发" left of the "[" before it.
            var left = letter.StartBaseLine.X;
            var right = letter.EndBaseLine.X > left ? letter.EndBaseLine.X : letter.BoundingBox.Right;
            var size = letter.PointSize > 0.5 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);
            glyphs.Add(new Glyph(text, left, right, letter.StartBaseLine.Y, size));
        }

        return glyphs;
    }

    /// <summary>
    /// Chromium draws CJK in Type3 fonts whose ToUnicode maps 女 to ⼥ (U+2F25) and 民 to ⺠
    /// (U+2EA0, which NFKC does not fold); the right text is only in the /ActualText of the
    /// marked content around the glyph. The first covered letter takes the text, the rest none.
    /// </summary>
    private static Dictionary<Letter, string> ActualTextReplacements(Page page)
    {
        var map = new Dictionary<Letter, string>(ReferenceEqualityComparer.Instance);
        IReadOnlyList<MarkedContentElement> contents;
        try
        {
            contents = page.GetMarkedContents();
        }
        catch (InvalidOperationException)
        {
            // Unbalanced BMC/EMC operators: read the letters as drawn.
            return map;
        }

        foreach (var element in contents)
        {
            Collect(element, map);
        }

        return map;
    }

    private static void Collect(MarkedContentElement element, Dictionary<Letter, string> map)
    {
        if (element.ActualText is { } actual)
        {
            var covered = new List<Letter>();
            AllLetters(element, covered);
            for (var i = 0; i < covered.Count; i++)
            {
                map[covered[i]] = i == 0 ? actual : string.Empty;
            }

            return;
        }

        foreach (var child in element.Children)
        {
            Collect(child, map);
        }
    }

    private static void AllLetters(MarkedContentElement element, List<Letter> letters)
    {
        letters.AddRange(element.Letters);
        foreach (var child in element.Children)
        {
            AllLetters(child, letters);
        }
    }

    /// <summary>
    /// Only the look-alikes a text layer produces: radicals and compatibility ideographs for
    /// the ideograph, ligatures spelled out. Full-width punctuation stays as the plan wrote it,
    /// so "清远市妇女发展规划（2021—2030年）" reads the same as in the .txt.
    /// </summary>
    private static string Fold(string value)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? folded = c switch
            {
                >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF' => CharFold.Fold(c).ToString(),
                >= '\uFB00' and <= '\uFB06' => c.ToString().Normalize(NormalizationForm.FormKC),
                _ => null,
            };
            if (folded is null && sb is null)
            {
                continue;
            }

            sb ??= new StringBuilder(value, 0, i, value.Length + 2);
            sb.Append(folded ?? c.ToString());
        }

        return sb?.ToString() ?? value;
    }
}
