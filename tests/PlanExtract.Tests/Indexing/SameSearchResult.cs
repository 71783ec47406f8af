using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// Two searchers over the same corpus that must answer alike (kept columns, kept filters, an index
/// written on several threads): the same total, counts, relaxed note, and hits in the same order with
/// the same scores.
/// </summary>
internal static class SameSearchResult
{
    public static void Equal(SearchResult expected, SearchResult actual)
    {
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ByDistrict, actual.ByDistrict);
        Assert.Equal(expected.ByDomain, actual.ByDomain);
        Assert.Equal(expected.Relaxed, actual.Relaxed);
        Assert.Equal(expected.Hits.Select(h => (h.Score, h.Source, h.Line, h.Kind)), actual.Hits.Select(h => (h.Score, h.Source, h.Line, h.Kind)));
    }
}
