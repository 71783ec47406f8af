using System.Text.RegularExpressions;
using PlanExtract.Indexing;
using PlanExtract.Text;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// The index holds bigrams only, so a character a query holds alone is found through the bigrams
/// around it (<see cref="LoneCharacters"/>). Checked against the corpus text itself: what the index
/// with a unigram of every character found, and no more.
/// </summary>
public sealed class LoneCharacterTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Theory]
    [InlineData("癌")] // in 宫颈癌 and 乳腺癌: the end of a run
    [InlineData("岁")] // 0-3岁, 12周岁: after digits and inside runs
    [InlineData("万")] // 8/10万以下
    [InlineData("童")]
    [InlineData("婦")] // folded to 妇 before it is looked for
    public void A_character_alone_finds_every_item_whose_text_holds_it(string character)
    {
        var items = RelevanceTests.CorpusItems(index.Results);
        var folded = CharFold.Fold(character);
        var holding = items.Where(i => i.Text.Contains(folded, StringComparison.Ordinal)).Select(i => (i.Source, i.Line)).ToHashSet();

        var result = index.Searcher.Search(new SearchRequest(character) { Limit = holding.Count + 10 });

        Assert.NotEmpty(holding);
        Assert.Equal(holding.Count, result.TotalHits);
        Assert.Equal(holding, result.Hits.Select(h => (h.Source, h.ItemLine ?? h.Line ?? 0)).ToHashSet());
    }

    [Fact]
    public void A_character_after_a_number_is_found_where_the_text_goes_on()
    {
        // 孕产妇死亡率下降到 8/10 万以下 (清城区) and 6.5/10万以下 (宝安区): 万 starts the bigram 万以.
        var items = RelevanceTests.CorpusItems(index.Results);
        var written = items.Where(i => Regex.IsMatch(i.Text, @"(?<![\d.])8/10\s*万")).Select(i => (i.Source, i.Line)).ToHashSet();

        // The phrase as written, without the relaxed steps that would add items holding its words apart.
        var result = index.Searcher.Search(new SearchRequest("8/10万") { Limit = 100, Chain = QueryChain.Bigrams });

        Assert.NotEmpty(written);
        Assert.Equal(written, result.Hits.Select(h => (h.Source, h.ItemLine ?? h.Line ?? 0)).ToHashSet());
        Assert.All(result.Hits, h => Assert.Matches(@"8\s*/\s*10\s*万", CharFold.Fold(h.Text)));
    }

    [Fact]
    public void A_character_after_a_number_does_not_match_inside_a_longer_word()
    {
        // 未满12周岁 and 未满16周岁 (宝安区) hold 周岁 after the number, not 岁: "12岁" is not written there.
        var items = RelevanceTests.CorpusItems(index.Results);
        Assert.Contains(items, i => i.Text.Contains("12周岁", StringComparison.Ordinal));

        var result = index.Searcher.Search(new SearchRequest("12岁") { Limit = 100, Chain = QueryChain.Bigrams });

        Assert.All(result.Hits, h => Assert.Contains("12岁", CharFold.Fold(h.Text).Replace(" ", string.Empty), StringComparison.Ordinal));
        Assert.Equal(items.Count(i => i.Text.Replace(" ", string.Empty).Contains("12岁", StringComparison.Ordinal)), result.TotalHits);
    }

    [Fact]
    public void A_character_alone_is_marked_in_its_snippet()
    {
        var hit = index.Search("癌", 5).Hits[0];

        Assert.Contains("**癌**", hit.Snippet);
        Assert.DoesNotContain("**宫颈癌**", hit.Snippet);
    }

    [Fact]
    public void A_character_in_a_district_filter_is_found_in_the_place_name()
    {
        // district:清 reads the analysed place name, which holds 清城 and 清远 as bigrams only.
        var result = index.Search("district:清 AND 溺水", 100);

        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Contains("清", h.District));
    }

    [Fact]
    public void A_sloppy_phrase_finds_the_character_on_either_side()
    {
        // A phrase with slop, as Lucene's own syntax writes it: 癌 then 筛查 within a few positions,
        // as in 宫颈癌筛查 and 乳腺癌人群筛查 (清城区), where 癌 ends its bigram.
        using var reader = Lucene.Net.Index.DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(CorpusIndex.LivePath(index.IndexFolder)));
        var phrase = new Lucene.Net.Search.PhraseQuery { Slop = 3 };
        phrase.Add(new Lucene.Net.Index.Term(IndexSchema.Text, "癌"));
        phrase.Add(new Lucene.Net.Index.Term(IndexSchema.Text, "筛查"));

        var expanded = new LoneCharacters(reader).Expand(phrase);
        var found = new Lucene.Net.Search.IndexSearcher(reader).Search(expanded, 1000);

        var multi = Assert.IsType<Lucene.Net.Search.MultiPhraseQuery>(expanded);
        Assert.Equal(3, multi.Slop);
        Assert.True(found.TotalHits > 0);
        Assert.All(found.ScoreDocs, d => Assert.Contains("癌", reader.Document(d.Doc).Get(IndexSchema.Text)));
    }
}
