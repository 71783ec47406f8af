using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>A searcher that keeps the item columns in memory (the web view's) answers exactly as one that reads doc values.</summary>
public sealed class ItemColumnsTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Theory]
    [InlineData("妇女", 20, 0)]
    [InlineData("妇女", 20, 80)]
    [InlineData("儿童", 5, 0)]
    [InlineData("家庭暴力", 10, 0)]
    [InlineData("乳腺癌 OR 宫颈癌", 1000, 0)]
    public void Hits_totals_and_counts_are_the_same_from_columns(string query, int limit, int offset)
    {
        using var kept = CorpusSearcher.Open(index.IndexFolder);
        kept.KeepColumns();
        var request = new SearchRequest(query) { Limit = limit, Offset = offset };
        var expected = index.Searcher.Search(request);
        var actual = kept.Search(request);

        Assert.True(expected.TotalHits > 0);
        SameSearchResult.Equal(expected, actual);
    }

    [Fact]
    public void Targets_only_searches_do_not_collapse_from_columns_either()
    {
        using var kept = CorpusSearcher.Open(index.IndexFolder);
        kept.KeepColumns();
        var request = new SearchRequest("孕产妇死亡率") { Comparator = "<=", Limit = 50 };
        var expected = index.Searcher.Search(request);
        Assert.True(expected.TotalHits > 0);
        Assert.Equal(expected.TotalHits, kept.Search(request).TotalHits);
        Assert.Equal(expected.Hits.Select(h => (h.Source, h.Line)), kept.Search(request).Hits.Select(h => (h.Source, h.Line)));
    }
}
