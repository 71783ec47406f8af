using System.Text.RegularExpressions;
using PlanExtract.Text;

namespace PlanExtract.Extraction;

/// <summary>A sentence of an item, its folded copy for matching and its offset in the item text.</summary>
public sealed record Clause(string Text, string Folded, int Offset)
{
    /// <summary>The deadline a sentence states: "到2025年，…" gives 2025.</summary>
    public int? Year { get; init; }
}

/// <summary>Splits item text into sentences at 。；！？ (the commitments never cross them).</summary>
public static partial class ClauseSplitter
{
    public static IEnumerable<Clause> Split(string text)
    {
        var start = 0;
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
                var year = YearPattern().Match(folded) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
                yield return new Clause(sentence, folded, start) { Year = year };
            }

            start = i + 1;
        }
    }

    private static bool IsSentenceEnd(char c) => Vocabulary.SentenceStops.Contains(c);

    [GeneratedRegex(@"(?:(?:到|至|截至|力争到|在)\s*|^\s*)(20[2-3]\d)\s*年(?!\s*[-—–~至])")]
    private static partial Regex YearPattern();
}
