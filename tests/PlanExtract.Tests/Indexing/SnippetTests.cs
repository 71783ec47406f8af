using Lucene.Net.Search;
using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// Snippets find a query of Han words by its characters instead of analysing each hit's text;
/// both ways must mark the same places, on every item and target of the corpus.
/// </summary>
public sealed class SnippetTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Fact]
    public void Characters_mark_what_the_analyzer_marks_on_every_corpus_text()
    {
        var texts = index.Results.Where(r => r.Plans is not null)
            .SelectMany(r => r.Plans!.Plans.SelectMany(p => p.AllItems()).Select(i => i.Text).Concat(r.Plans!.AllTargets().Select(t => t.Text)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var queries = Judgments.Load().Select(j => j.Query).Append("癌").Append("孕产妇 死亡率").ToList();
        var compared = 0;
        using var analyzer = PlanAnalyzer.ForSnippets();
        foreach (var snippets in queries.SelectMany(Steps).Select(q => new Snippets(analyzer, q)).Where(s => s.ByCharacters))
        {
            compared++;
            foreach (var text in texts)
            {
                Assert.Equal(snippets.AnalyzedRanges(text), snippets.LiteralRanges(text));
            }
        }

        // Most judged queries and their relaxed steps are Han words; a few hold digits or Latin.
        Assert.True(compared >= queries.Count, $"only {compared} queries were found by their characters");
    }

    [Theory]
    [InlineData("孕产妇死亡率", "⼥性孕产妇死亡率下降，孕产妇系统管理率达到９０％以上")]
    [InlineData("女性 癌", "⼥性宫颈癌、乳腺癌筛查；女性")]
    [InlineData("哈哈", "哈哈哈")]
    public void Folded_and_overlapping_characters_mark_as_the_analyzer_does(string query, string text)
    {
        using var analyzer = PlanAnalyzer.ForSnippets();
        var snippets = new Snippets(analyzer, Steps(query).First());

        Assert.True(snippets.ByCharacters);
        Assert.NotEmpty(snippets.AnalyzedRanges(text));
        Assert.Equal(snippets.AnalyzedRanges(text), snippets.LiteralRanges(text));
    }

    [Fact]
    public void Latin_and_digits_are_found_by_the_analyzer()
    {
        using var analyzer = PlanAnalyzer.ForSnippets();
        var snippets = new Snippets(analyzer, Steps("HPV疫苗").First());

        Assert.False(snippets.ByCharacters);
        Assert.Equal([new Mark(2, 5)], snippets.MatchRanges("推广HPV疫苗接种"));
    }

    // The strict query and every relaxed step, as the searcher would run them.
    private static IEnumerable<Query> Steps(string query)
    {
        using var analyzer = IndexSchema.CreateAnalyzer(forIndex: false);
        using var words = new WordAnalyzer();
        var plan = new QueryBuilder(analyzer, words, QueryChain.WordsAndBigrams).Build(query);
        return [plan.Strict.Query, .. plan.Relaxed.Select(s => s.Query)];
    }
}
