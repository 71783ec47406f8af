using Lucene.Net.Index;
using Lucene.Net.Search;
using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// The search keeps only the best items and counts the rest as they stream past; these compare it
/// with the obvious way: every matching document, grouped by item, sorted.
/// </summary>
public sealed class CollectorTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Theory]
    [InlineData("托育", 1)]
    [InlineData("托育", 10)]
    [InlineData("家庭暴力", 5)]
    [InlineData("儿童", 25)]
    [InlineData("乳腺癌 OR 宫颈癌", 1000)]
    public void Top_items_and_counts_match_a_full_grouping(string query, int limit)
    {
        var result = index.Search(query, limit);
        var expected = Reference(query);

        Assert.Equal(expected.Count, result.TotalHits);
        Assert.Equal(expected.Count, result.ByDistrict.Sum(p => p.Value));
        Assert.Equal(expected.Count, result.ByDomain.Sum(p => p.Value));
        var best = expected.OrderByDescending(e => e.Score).ThenBy(e => e.Doc).Take(limit).ToList();
        Assert.Equal(best.Select(e => e.Score), result.Hits.Select(h => h.Score));
        Assert.Equal(best.Select(e => (e.Source, e.Line)), result.Hits.Select(h => (h.Source, h.Line)));
    }

    // Every matching document, then the best of each item group; ties to the first document.
    private List<(float Score, int Doc, string Source, int? Line)> Reference(string query)
    {
        using var reader = CorpusIndex.OpenReader(index.IndexFolder);
        var searcher = new IndexSearcher(reader) { Similarity = CorpusIndex.Similarity };
        using var analyzer = IndexSchema.CreateAnalyzer(forIndex: false);
        using var words = new WordAnalyzer();

        // Each of these queries finds enough as written, so the strict query is the one searched.
        var all = searcher.Search(new QueryBuilder(analyzer, words, QueryChain.WordsAndBigrams).Build(query).Strict.Query, Math.Max(1, reader.MaxDoc)).ScoreDocs;
        var groups = MultiDocValues.GetNumericValues(reader, IndexSchema.ItemGroup);
        return [.. all
            .GroupBy(d => groups.Get(d.Doc))
            .Select(g => g.OrderByDescending(d => d.Score).ThenBy(d => d.Doc).First())
            .Select(d =>
            {
                var document = searcher.Doc(d.Doc);
                var line = document.Get(IndexSchema.Line);
                return (d.Score, d.Doc, document.Get(IndexSchema.Source), line is null ? (int?)null : int.Parse(line, System.Globalization.CultureInfo.InvariantCulture));
            })];
    }
}
