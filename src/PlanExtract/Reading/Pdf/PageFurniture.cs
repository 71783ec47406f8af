using System.Text;

namespace PlanExtract.Reading.Pdf;

/// <summary>
/// Drops running headers, footers and page numbers: a line in the top or bottom band of its
/// page whose text, digits aside, stands at the same height on many pages. "— 3 —", "第3页",
/// "3/65", "file://…/003.html 1/29" and a repeated title or print date all fit that, and a
/// body line at the top of one page does not, even when it repeats the plan's title.
/// </summary>
internal static class PageFurniture
{
    private const double Band = 0.12;
    private const double SameHeight = 3;

    public static List<List<TextLine>> Remove(IReadOnlyList<List<TextLine>> pages, IReadOnlyList<double> pageHeights)
    {
        var candidates = new List<(TextLine Line, string Key)>();
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var line in pages[p])
            {
                if (BandOf(line, pageHeights[p]) is { } band)
                {
                    candidates.Add((line, band + Shape(line.Text)));
                }
            }
        }

        // Two pages in five, and at least two: a title page without a header, or odd and even
        // pages with different ones, still count.
        var needed = Math.Max(2, (int)Math.Ceiling(pages.Count * 0.4));
        var furniture = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        foreach (var group in candidates.GroupBy(c => c.Key))
        {
            foreach (var (line, _) in group)
            {
                var pagesAtHeight = group.Where(c => Math.Abs(c.Line.Baseline - line.Baseline) <= SameHeight)
                    .Select(c => c.Line.Page).Distinct().Count();
                if (pagesAtHeight >= needed)
                {
                    furniture.Add(line);
                }
            }
        }

        return [.. pages.Select(lines => lines.Where(l => !furniture.Contains(l)).ToList())];
    }

    private static string? BandOf(TextLine line, double pageHeight) =>
        line.Baseline >= pageHeight * (1 - Band) ? "top:" : line.Top <= pageHeight * Band ? "bottom:" : null;

    /// <summary>The text with every run of digits as '#' and no spaces: page 3 and page 17 look alike.</summary>
    private static string Shape(string text)
    {
        var sb = new StringBuilder(text.Length);
        var inDigits = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            var digit = char.IsDigit(c);
            if (!digit || !inDigits)
            {
                sb.Append(digit ? '#' : c);
            }

            inDigits = digit;
        }

        return sb.ToString();
    }
}
