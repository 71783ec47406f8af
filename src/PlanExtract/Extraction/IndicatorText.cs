using System.Text.RegularExpressions;
using PlanExtract.Text;

namespace PlanExtract.Extraction;

/// <summary>
/// Finds and trims the indicator phrase left of a verb: back to the last comma or colon (or the
/// end of the previous target), minus scope and time words that are not part of what is measured
/// (全市, 全区, 到2030年, 力争…) and adverbs that belong to the verb (均, 分别, 逐步…).
/// </summary>
public static partial class IndicatorText
{
    public const int MaxLength = 64;

    /// <summary>The phrase ending at <paramref name="end"/>, starting no earlier than <paramref name="floor"/>.</summary>
    public static (int Start, string Text) LeftOf(Clause clause, int end, int floor = 0)
    {
        // No indicator is longer than this; the bound keeps a line with no punctuation linear.
        floor = Math.Max(floor, end - MaxLength);
        var start = end;
        var depth = 0;
        while (start > floor)
        {
            var c = clause.Folded[start - 1];
            if (c is ')' or '）')
            {
                depth++;
            }
            else if (c is '(' or '（')
            {
                depth--;
            }
            else if (depth <= 0 && IsPhraseBoundary(c))
            {
                break;
            }
            else if (depth <= 0 && IsDash(c) && start - 2 >= floor && IsDash(clause.Folded[start - 2]))
            {
                // 5.提高妇女常见病普查普治率 --妇女常见病定期筛查率达到80%以上: a bullet starts the phrase.
                break;
            }

            start--;
        }

        return Trim(clause, start, end);
    }

    /// <summary>Trims scope words in front and adverbs at the back of the span [start, end).</summary>
    public static (int Start, string Text) Trim(Clause clause, int start, int end)
    {
        while (true)
        {
            while (start < end && (char.IsWhiteSpace(clause.Folded[start]) || "、和及与并,，“”\"'《》·•:：-—–－".Contains(clause.Folded[start])))
            {
                start++;
            }

            var lead = LeadingNoise().Match(clause.Folded[start..end]);
            if (!lead.Success || lead.Length == 0)
            {
                break;
            }

            start += lead.Length;
        }

        while (end > start)
        {
            var tail = TrailingNoise().Match(clause.Folded[start..end]);
            if (!tail.Success || tail.Length == 0)
            {
                break;
            }

            end -= tail.Length;
        }

        var text = clause.Text[start..end].Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal).Trim(Quotes);
        return (start, text);
    }

    /// <summary>Names of what a plan measures end in one of these: the test for "is this a quantity".</summary>
    /// <remarks>Read in simplified script: "志願者中未成年人數量" ends in 数量 too.</remarks>
    public static bool EndsWithMeasure(string indicator) => MeasureHead().IsMatch(CharFold.ToSimplified(indicator));

    // Held once: a params array of them would be made for every indicator trimmed.
    private static readonly char[] Quotes = ['“', '”', '"'];

    private static bool IsDash(char c) => c is '-' or '—' or '–' or '－';

    private static bool IsPhraseBoundary(char c) => Vocabulary.PhraseStops.Contains(c);

    [GeneratedRegex(@"^(?:" + Vocabulary.ItemNumber + "|" + Vocabulary.LeadingScope + @"|以[^以,，]{1,10}为单位的|(?:建设|建成|新建|设立|培育|打造)(?=..))")]
    private static partial Regex LeadingNoise();

    [GeneratedRegex(@"(?:(?:到|至|在|力争到)?\s*20[1-3]\d\s*年(?:底|末)?|均|分别|都|逐步|稳定|基本|持续|要|应|总体|一般|始终|每年|可|将|力争|争取|努力|以[^以,，]{1,10}为单位|(?:由|从|较|比)\s*(?:20\d\d\s*年(?:底|末)?|目前|现在|基线)?的?\s*\d+(?:\.\d+)?\s*(?:%|‰|/\s*10\s*万)?)$")]
    private static partial Regex TrailingNoise();

    [GeneratedRegex("(?:" + Vocabulary.MeasureHeads + ")$")]
    private static partial Regex MeasureHead();
}
