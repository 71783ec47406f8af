using System.Text.RegularExpressions;
using PlanExtract.Text;

namespace PlanExtract.Extraction;

/// <summary>A sentence of an item, its folded copy for matching and its offset in the item text.</summary>
public sealed record Clause(string Text, string Folded, int Offset)
{
    /// <summary>The deadline a sentence states: "到2025年，…" gives 2025.</summary>
    public int? Year { get; init; }

    /// <summary>
    /// The folded first clause of the full sentence when this one follows it after a semicolon
    /// (2017年，全省孕产妇系统管理率92.13%；3岁以下儿童系统管理率达到91.7%): what the sentence is about
    /// carries over the semicolon. Null for a sentence's first clause.
    /// </summary>
    public string? Opening { get; init; }

    /// <summary>
    /// The deadline of the value at <paramref name="offset"/>: the last one stated before it, so that
    /// 九年义务教育巩固率2015年达到96%,2020年达到99%以上 gives each value its own year; a year stated only after the value is not its deadline.
    /// </summary>
    public int? YearAt(int offset)
    {
        int? year = null;
        for (var m = ClauseSplitter.DeadlinePattern().Match(Folded); m.Success; m = m.NextMatch())
        {
            if (m.Index >= offset)
            {
                break;
            }

            year = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return year;
    }
}

/// <summary>Splits item text into sentences at 。；！？ (the commitments never cross them).</summary>
public static partial class ClauseSplitter
{
    public static IEnumerable<Clause> Split(string text)
    {
        var start = 0;
        string? opening = null;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsSentenceEnd(text[i]))
            {
                continue;
            }

            if (i > start)
            {
                var sentence = text[start..i];
                var folded = CharFold.Fold(sentence);
                // Every deadline ends in 年; most sentences have none, and are not scanned.
                var year = folded.Contains('年') && YearPattern().Match(folded) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
                yield return new Clause(sentence, folded, start) { Year = year, Opening = opening };
                opening = i < text.Length && text[i] is '；' or ';' ? opening ?? folded : null;
            }

            start = i + 1;
        }
    }

    private static bool IsSentenceEnd(char c) => Vocabulary.SentenceStops.Contains(c);

    [GeneratedRegex(@"(?:(?:到|至|截至|力争到|在)\s*|^\s*)(20[1-3]\d)\s*年(?!\s*[-—–~至])")]
    private static partial Regex YearPattern();

    /// <summary>A deadline anywhere in a sentence: 到2025年, ，2030年达到…, 率2015年达到…; never a period (2021—2030年) or a basis (以2020年为基数, 在2020年基础上).</summary>
    [GeneratedRegex(@"(?<![以在比较从由截]\s*)(?<!\d)(20[1-3]\d)\s*年(?:底|末)?(?!\s*[-—–~至\d])(?!\s*(?:数据|水平|标准)?\s*(?:为基|基础|的基))")]
    internal static partial Regex DeadlinePattern();
}
