using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using PlanExtract.Text;

namespace PlanExtract.Indexing;

/// <summary>
/// The whole names of districts, cities, provinces and domains the index holds, for a typed
/// <c>district:清城</c>: the names that contain the typed text, as <c>--district</c> reads it.
/// The index does not analyse place names (<see cref="IndexSchema.KeyOf"/>).
/// </summary>
internal sealed class PlaceNames(IReadOnlyDictionary<string, IReadOnlyList<string>> namesByKey)
{
    // Each name with its letters and digits, worked out once rather than on every query.
    private readonly Dictionary<string, (string Name, string Letters)[]> _compared = namesByKey.ToDictionary(p => p.Key, p => p.Value.Select(n => (n, Letters(n))).ToArray());

    /// <summary>Items of the places whose name holds <paramref name="text"/>; none when no name does.</summary>
    /// <remarks>
    /// Letters and digits are compared, as the analyzer that read place names did: it dropped signs,
    /// so district:清* and district:"清 城" read as 清 and 清城. Constant-scored: every hit of a place
    /// filter holds it, so it ranks none above another.
    /// </remarks>
    public Query Matching(string keyField, string text)
    {
        var wanted = Letters(text);
        var names = _compared.TryGetValue(keyField, out var known) && wanted.Length > 0
            ? known.Where(n => n.Letters.Contains(wanted, StringComparison.OrdinalIgnoreCase)).Select(n => n.Name).ToArray()
            : [];
        return names.Length == 0
            ? new BooleanQuery()
            : new ConstantScoreQuery(new TermsFilter([.. names.Select(n => new Term(keyField, n))]));
    }

    private static string Letters(string text) => string.Concat(CharFold.Fold(text).Where(char.IsLetterOrDigit));

    /// <summary>Reads every name of the four keyword fields (a few thousand at country scale).</summary>
    public static PlaceNames Of(IndexReader reader) => new(new[] { IndexSchema.DistrictKey, IndexSchema.CityKey, IndexSchema.ProvinceKey, IndexSchema.DomainKey }
        .ToDictionary(key => key, key => Terms(reader, key)));

    private static IReadOnlyList<string> Terms(IndexReader reader, string field)
    {
        var list = new List<string>();
        if (MultiFields.GetTerms(reader, field) is { } terms)
        {
            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                list.Add(iterator.Term.Utf8ToString());
            }
        }

        return list;
    }
}
