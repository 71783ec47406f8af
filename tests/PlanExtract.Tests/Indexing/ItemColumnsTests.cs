using Lucene.Net.Index;
using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// A searcher that counts from item columns (the web view's, and any searcher from its second
/// search on) answers exactly as a searcher's first search, which reads doc values.
/// </summary>
public sealed class ItemColumnsTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Theory]
    [InlineData("妇女", 20, 0)]
    [InlineData("妇女", 20, 80)]
    [InlineData("儿童", 5, 0)]
    [InlineData("家庭暴力", 10, 0)]
    [InlineData("乳腺癌 OR 宫颈癌", 1000, 0)]
    [InlineData("保障儿童心理健康", 10, 0)]
    public void Hits_totals_and_counts_are_the_same_from_columns(string query, int limit, int offset)
    {
        using var first = CorpusSearcher.Open(index.IndexFolder);
        using var kept = CorpusSearcher.Open(index.IndexFolder);
        kept.KeepColumns();
        var request = new SearchRequest(query) { Limit = limit, Offset = offset };
        var expected = first.Search(request);
        var actual = kept.Search(request);

        Assert.False(first.KeepsColumns);
        Assert.True(kept.KeepsColumns);
        Assert.True(expected.TotalHits > 0);
        SameSearchResult.Equal(expected, actual);
    }

    [Fact]
    public void Filtered_searches_count_the_same_from_columns()
    {
        using var first = CorpusSearcher.Open(index.IndexFolder);
        using var kept = CorpusSearcher.Open(index.IndexFolder);
        kept.KeepColumns();
        var request = new SearchRequest("健康") { Plan = "women", Domain = "健康", Limit = 30 };
        var expected = first.Search(request);
        Assert.True(expected.TotalHits > 0);
        SameSearchResult.Equal(expected, kept.Search(request));
    }

    [Fact]
    public void Targets_only_searches_do_not_collapse_from_columns_either()
    {
        using var first = CorpusSearcher.Open(index.IndexFolder);
        using var kept = CorpusSearcher.Open(index.IndexFolder);
        kept.KeepColumns();
        var request = new SearchRequest("孕产妇死亡率") { Comparator = "<=", Limit = 50 };
        var expected = first.Search(request);
        var actual = kept.Search(request);
        Assert.True(expected.TotalHits > 0);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.Hits.Select(h => (h.Source, h.Line)), actual.Hits.Select(h => (h.Source, h.Line)));
    }

    [Fact]
    public void A_searcher_reads_its_columns_at_its_second_search()
    {
        using var searcher = CorpusSearcher.Open(index.IndexFolder);
        Assert.Equal(2, CorpusSearcher.ColumnsAtSearch);
        searcher.Search(new SearchRequest("托育"));
        Assert.False(searcher.KeepsColumns);
        searcher.Search(new SearchRequest("托育"));
        Assert.True(searcher.KeepsColumns);
    }

    [Fact]
    public void An_item_begins_where_the_group_number_changes_and_columns_hold_the_doc_values()
    {
        using var reader = CorpusIndex.OpenReader(index.IndexFolder);
        var districts = GlobalOrdinals.Of(reader, IndexSchema.DistrictKey);
        var domains = GlobalOrdinals.Of(reader, IndexSchema.DomainKey);
        var columns = ItemColumns.Of(reader, districts, domains)!;
        var (documents, items) = (0, 0);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var groups = segment.GetNumericDocValues(IndexSchema.ItemGroup);
            var districtValues = segment.GetSortedDocValues(IndexSchema.DistrictKey);
            var domainValues = segment.GetSortedDocValues(IndexSchema.DomainKey);
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                var begins = doc == 0 || groups.Get(doc) != groups.Get(doc - 1);
                Assert.Equal(begins, columns.ItemStarts[leaf.Ord].Get(doc));
                Assert.Equal(districts.Segment(leaf.Ord)[districtValues.GetOrd(doc)] + 1, columns.Districts[leaf.Ord][doc]);
                Assert.Equal(domains.Segment(leaf.Ord)[domainValues.GetOrd(doc)] + 1, columns.Domains[leaf.Ord][doc]);
                (documents, items) = (documents + 1, items + (begins ? 1 : 0));
            }
        }

        // The corpus's items have targets: fewer items than documents, and many of both.
        Assert.True(items > 1000 && items < documents, $"{items} items in {documents} documents");
    }
}
