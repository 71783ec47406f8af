using System.Text;
using System.Text.RegularExpressions;
using PlanExtract.Text;

namespace PlanExtract.Indicators;

/// <summary>
/// The form two writings of one indicator share: characters folded (width, traditional, radicals,
/// OCR look-alikes), punctuation and spaces gone, the catalog's scope prefixes (全区, 各级) and
/// population words (女童, 适龄, 的) dropped. "35—45岁适龄女性宫颈癌筛查率" and
/// "适龄妇女宫颈癌人群筛查率" differ only in such words.
/// </summary>
public sealed partial class IndicatorNormalizer(IndicatorCatalog catalog)
{
    private readonly IReadOnlyList<string> _prefixes = [.. catalog.DropPrefixes.Select(FoldOnly).Where(p => p.Length > 0).OrderByDescending(p => p.Length)];
    private readonly IReadOnlyList<string> _words = [.. catalog.DropWords.Select(FoldOnly).Where(w => w.Length > 0).OrderByDescending(w => w.Length)];
    private readonly Dictionary<char, char> _lookalikes = catalog.Lookalikes
        .Where(p => p.Key.Length == 1 && p.Value.Length == 1)
        .ToDictionary(p => p.Key[0], p => p.Value[0]);

    public string Normalize(string written)
    {
        var text = Fold(written);
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in _prefixes)
            {
                // A prefix never eats the whole name: "区" alone is not a scope word before nothing.
                if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    text = text[prefix.Length..];
                    stripped = true;
                }
            }
        }

        foreach (var word in _words)
        {
            var without = text.Replace(word, string.Empty, StringComparison.Ordinal);
            if (without.Length > 0)
            {
                text = without;
            }
        }

        return text;
    }

    /// <summary>Folding and punctuation only, no words dropped: the form aliases are compared in.</summary>
    public string Fold(string written)
    {
        var folded = CharFold.Fold(written);
        var text = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var d = _lookalikes.TryGetValue(c, out var l) ? l : c;
            if (Dashes().IsMatch(d.ToString()))
            {
                text.Append('-');
            }
            else if (!char.IsWhiteSpace(d) && !char.IsPunctuation(d) && !char.IsSymbol(d))
            {
                text.Append(d);
            }
        }

        return text.ToString();
    }

    private static string FoldOnly(string word) => CharFold.Fold(word).Trim();

    // Age ranges are written 0—6岁, 0-6岁, 0～6岁 and 0至6岁 in the same corpus.
    [GeneratedRegex("^[—–―‐‑－~～〜-]$")]
    private static partial Regex Dashes();
}
