using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PlanExtract.Indicators;
using PlanExtract.Text;

namespace PlanExtract.Indexing;

/// <summary>
/// What to offer for a word the index does not hold: the same text with one character changed so
/// that the index holds it (心里健康 → 心理健康, 家庭暴历 → 家庭暴力: a typo in Chinese is a
/// homophone typed in place of the right character), and the catalog indicators whose names are close.
/// </summary>
/// <remarks>
/// A character is only replaced where one of its bigrams is missing from the index, and only by a
/// character that makes both its bigrams ones the index holds, so the work is a few term lookups
/// and a phrase count per candidate, never a scan of the text.
/// </remarks>
/// <param name="indicators">Canonical ids first, then indicators as the plans write them.</param>
internal sealed class Suggestions(IndexReader reader, IndexSearcher searcher, LoneCharacters lone, QueryBuilder phrases, IReadOnlyList<string> indicators)
{
    /// <summary>Ends a suggestion that is a catalog indicator rather than corrected text.</summary>
    public const string IndicatorMark = " (indicator)";

    /// <summary>How many corrections and indicators to offer at most.</summary>
    internal const int Offered = 3;

    /// <summary>Dice similarity of character bigrams above which a catalog indicator is offered (心里健康 ~ 心理健康服务…).</summary>
    internal const double IndicatorSimilarity = 0.4;

    /// <summary>Candidates tried per character: the bigrams after one character are at most a few hundred.</summary>
    private const int CandidatesPerCharacter = 300;

    public IReadOnlyList<string> For(IReadOnlyList<string> chunks)
    {
        // Only a word the index lacks gets suggestions, and such a word has a bigram no item holds:
        // a few term lookups decide it (a phrase found nowhere but under a filter needs none).
        if (!chunks.Any(c => Bigrams(CharFold.Fold(c)).Any(b => !Holds(b))))
        {
            return [];
        }

        var offered = new List<string>();
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = CharFold.Fold(chunks[c]);
            if (chunk.Length < 2 || Count(chunk) > 0)
            {
                continue;
            }

            foreach (var corrected in Corrections(chunk))
            {
                var whole = chunks.ToArray();
                whole[c] = corrected;
                offered.Add(string.Join(" ", whole));
            }
        }

        var joined = CharFold.Fold(string.Concat(chunks));
        offered.AddRange(indicators
            .Select(id => (Id: id, Similarity: Similarity.Dice(id, joined)))
            .Where(p => p.Similarity >= IndicatorSimilarity)
            .OrderByDescending(p => p.Similarity)
            .Take(Offered)
            .Select(p => p.Id + IndicatorMark));
        return [.. offered.Distinct(StringComparer.Ordinal).Take(Offered * 2)];
    }

    private IEnumerable<string> Corrections(string chunk)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < chunk.Length; i++)
        {
            var before = i > 0 ? chunk.Substring(i - 1, 2) : null;
            var after = i + 1 < chunk.Length ? chunk.Substring(i, 2) : null;
            if ((before is null || Holds(before)) && (after is null || Holds(after)))
            {
                continue;
            }

            foreach (var replacement in Candidates(chunk, i))
            {
                var corrected = chunk[..i] + replacement + chunk[(i + 1)..];
                if (!found.ContainsKey(corrected) && Count(corrected) is var count and > 0)
                {
                    found[corrected] = count;
                }
            }
        }

        return found.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(Offered).Select(p => p.Key);
    }

    // Characters that could stand at i: each follows the previous character in some bigram of the
    // index (or, at the start, precedes the next one), and makes a held bigram with the next one.
    private IEnumerable<char> Candidates(string chunk, int i)
    {
        var seen = new HashSet<char>();
        foreach (var field in IndexSchema.TextFields)
        {
            foreach (var candidate in Candidates(field, chunk, i))
            {
                if (seen.Add(candidate))
                {
                    yield return candidate;
                    if (seen.Count == CandidatesPerCharacter)
                    {
                        // Enough: the other field's terms need not be walked at all.
                        yield break;
                    }
                }
            }
        }
    }

    // An item's text is split between the lead and text fields (IndexSchema.Text): each gives its bigrams.
    private IEnumerable<char> Candidates(string field, string chunk, int i)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            yield break;
        }

        var tried = 0;
        var iterator = terms.GetEnumerator();
        if (i > 0)
        {
            var prefix = new BytesRef(chunk[i - 1].ToString());
            if (iterator.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
            {
                yield break;
            }

            do
            {
                var term = iterator.Term.Utf8ToString();
                if (term.Length == 0 || term[0] != chunk[i - 1])
                {
                    yield break;
                }

                if (term.Length == 2 && term[1] != chunk[i] && (i + 1 >= chunk.Length || Holds(string.Concat(term[1], chunk[i + 1]))) && tried++ < CandidatesPerCharacter)
                {
                    yield return term[1];
                }
            }
            while (iterator.MoveNext());
        }
        else if (chunk.Length > 1)
        {
            while (iterator.MoveNext())
            {
                var term = iterator.Term.Utf8ToString();
                if (term.Length == 2 && term[1] == chunk[1] && term[0] != chunk[0] && tried++ < CandidatesPerCharacter)
                {
                    yield return term[0];
                }
            }
        }
    }

    private static IEnumerable<string> Bigrams(string chunk)
    {
        for (var i = 0; i + 1 < chunk.Length; i++)
        {
            if (HanText.IsHan(chunk[i]) && HanText.IsHan(chunk[i + 1]))
            {
                yield return chunk.Substring(i, 2);
            }
        }
    }

    private bool Holds(string bigram) => IndexSchema.TextFields.Any(field => reader.DocFreq(new Term(field, bigram)) > 0);

    private int Count(string text)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(lone.Expand(phrases.Phrase(text)), counter);
        return counter.TotalHits;
    }
}
