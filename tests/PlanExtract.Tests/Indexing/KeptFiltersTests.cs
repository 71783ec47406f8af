using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>A searcher that keeps its filters as bit sets (the web view's) answers exactly as one that does not, the first time and from what it kept.</summary>
public sealed class KeptFiltersTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    private static readonly SearchRequest[] Filtered =
    [
        new SearchRequest("健康") { Plan = "women", Domain = "健康", Limit = 20 },
        new SearchRequest("妇女") { Plan = "women", Limit = 20, Offset = 20 },
        new SearchRequest("儿童") { Section = "goal", Limit = 1000 },
        new SearchRequest("普惠性幼儿园") { Plan = "children", District = "清城区", Limit = 10 },
        new SearchRequest("孕产妇死亡率") { Comparator = "<=", Limit = 50 },
        new SearchRequest("家庭暴历") { Plan = "women", Limit = 10 },
        new SearchRequest(string.Empty) { Indicator = "孕产妇死亡率", Limit = 50 },
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Hits_totals_and_counts_are_the_same_with_kept_filters(int which)
    {
        var request = Filtered[which];
        using var kept = CorpusSearcher.Open(index.IndexFolder);
        kept.KeepColumns();
        kept.KeepFilters();
        var expected = index.Searcher.Search(request);
        Assert.True(expected.TotalHits > 0 || expected.Suggestions.Count > 0);
        for (var round = 0; round < 2; round++)
        {
            var actual = kept.Search(request);
            SameSearchResult.Equal(expected, actual);
        }
    }

    [Fact]
    public void More_filters_than_are_kept_still_answer_right()
    {
        using var kept = CorpusSearcher.Open(index.IndexFolder);
        kept.KeepFilters();
        var domains = kept.Domains;
        Assert.NotEmpty(domains);
        for (var i = 0; i < KeptFilters.Kept + 10; i++)
        {
            // A different filter each time (domain × plan × section), past the number kept.
            var request = new SearchRequest("妇女")
            {
                Domain = domains[i % domains.Count],
                Plan = i / domains.Count % 2 == 0 ? "women" : "children",
                Section = (i / (domains.Count * 2) % 3) switch { 0 => "goal", 1 => "measure", _ => null },
                Limit = 5,
            };
            var expected = index.Searcher.Search(request);
            var actual = kept.Search(request);
            Assert.Equal(expected.TotalHits, actual.TotalHits);
            Assert.Equal(expected.Hits.Select(h => (h.Source, h.Line)), actual.Hits.Select(h => (h.Source, h.Line)));
        }
    }
}
