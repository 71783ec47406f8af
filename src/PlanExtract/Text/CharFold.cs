using System.Text;

namespace PlanExtract.Text;

/// <summary>
/// Folds look-alike characters one for one, so offsets in the folded text are offsets in the
/// original: full-width ASCII to ASCII, the ideographic space to a space, Kangxi radicals and
/// CJK compatibility ideographs to the ideograph they stand for (PDF text layers map 女 to ⼥),
/// and a few traditional characters that slip into simplified plans to their simplified form.
/// </summary>
public static class CharFold
{
    public static string Fold(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return (char)(c - 0xFEE0);
        }

        if (c == '\u3000' || c == '\u00A0')
        {
            return ' ';
        }

        // Kangxi radicals, CJK radicals supplement and compatibility ideographs: NFKC names the ideograph.
        if (c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF')
        {
            var folded = c.ToString().Normalize(NormalizationForm.FormKC);
            return folded.Length == 1 ? folded[0] : c;
        }

        return TraditionalToSimplified.TryGetValue(c, out var simple) ? simple : c;
    }

    // The traditional forms seen in mainland plan conversions; a plan is written in simplified
    // characters, so these are slips, not content.
    private static readonly Dictionary<char, char> TraditionalToSimplified = Pairs(
        "婦妇兒儿學学體体醫医療疗衛卫產产嬰婴幣币數数據据統统計计劃划標标準准質质點点" +
        "區区縣县鄉乡鎮镇環环護护務务會会區区們们這这對对於于與与為为發发展展實实現现" +
        "機机構构關关愛爱權权歲岁齡龄養养顧顾職职業业資资級级勞劳動动經经濟济導导");

    private static Dictionary<char, char> Pairs(string pairs)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            if (pairs[i] != pairs[i + 1])
            {
                map[pairs[i]] = pairs[i + 1];
            }
        }

        return map;
    }
}
