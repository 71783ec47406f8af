using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// Typed place fields (district:清城, city:清远, province:广西, domain:安全) are looked up among the
/// whole names the index holds instead of an analysed copy of the place on every item
/// (<see cref="PlaceNames"/>): they find what the <c>--district</c> and <c>--domain</c> filters find.
/// </summary>
public sealed class PlaceFieldTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Theory]
    [InlineData("district:清城 AND 溺水", "清城", null)]
    [InlineData("district:宝安区 AND 母婴室", "宝安区", null)]
    [InlineData("domain:安全 AND 溺水", null, "安全")]
    [InlineData("domain:健康 AND 乳腺癌", null, "健康")]
    public void A_typed_place_finds_what_its_filter_finds(string typed, string? district, string? domain)
    {
        var words = typed.Split(" AND ")[1];
        var filtered = index.Searcher.Search(new SearchRequest(words) { District = district, Domain = domain, Limit = 200 });

        var found = index.Searcher.Search(new SearchRequest(typed) { Limit = 200 });

        Assert.NotEmpty(filtered.Hits);
        Assert.Equal(filtered.TotalHits, found.TotalHits);
        Assert.Equal(Keys(filtered), Keys(found));
    }

    [Fact]
    public void Signs_in_a_typed_place_are_dropped_as_the_analyzer_dropped_them()
    {
        // A star after Chinese is text, not a wildcard (QuerySyntax); the tokenizer dropped it.
        var found = index.Searcher.Search(new SearchRequest("district:清* AND 溺水") { Limit = 200 });
        var named = index.Searcher.Search(new SearchRequest("district:清 AND 溺水") { Limit = 200 });

        Assert.NotEmpty(found.Hits);
        Assert.Equal(Keys(named), Keys(found));
    }

    [Theory]
    [InlineData("city:清远 AND 溺水", "/清远市/")]
    [InlineData("province:广西 AND 溺水", "/广西壮族自治区/")]
    public void A_typed_city_or_province_keeps_its_plans_only(string typed, string folder)
    {
        var all = index.Searcher.Search(new SearchRequest(typed.Split(" AND ")[1]) { Limit = 200 });

        var found = index.Searcher.Search(new SearchRequest(typed) { Limit = 200 });

        Assert.NotEmpty(found.Hits);
        Assert.All(found.Hits, h => Assert.Contains(folder, h.Source, StringComparison.Ordinal));
        Assert.Equal(all.Hits.Count(h => h.Source.Contains(folder, StringComparison.Ordinal)), found.TotalHits);
    }

    [Theory]
    [InlineData("district:北京 AND 溺水")]
    [InlineData("district:北* AND 溺水")]
    [InlineData("city:北?京 AND 溺水")]
    public void A_place_the_index_lacks_finds_nothing(string typed)
    {
        var found = index.Searcher.Search(new SearchRequest(typed) { Limit = 10 });

        Assert.Empty(found.Hits);
    }

    private static HashSet<(string, int)> Keys(SearchResult result) => [.. result.Hits.Select(h => (h.Source, h.ItemLine ?? h.Line ?? 0))];
}
