using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

public sealed class AnalyzerTests
{
    [Fact]
    public void Index_side_keeps_bigrams_only()
    {
        // A unigram of every character was a third of the index's tokens; LoneCharacters finds 癌 in 腺癌.
        Assert.Equal(["乳腺", "腺癌"], Terms(PlanAnalyzer.ForIndex(), "乳腺癌"));
        Assert.Equal(["3", "岁以", "以下"], Terms(PlanAnalyzer.ForIndex(), "3岁以下"));
    }

    [Fact]
    public void Snippet_side_keeps_unigrams_beside_bigrams()
    {
        Assert.Equal(["乳", "乳腺", "腺", "腺癌", "癌"], Terms(PlanAnalyzer.ForSnippets(), "乳腺癌"));
    }

    [Fact]
    public void Query_side_emits_bigrams_only()
    {
        Assert.Equal(["乳腺", "腺癌"], Terms(PlanAnalyzer.ForQuery(), "乳腺癌"));
    }

    [Fact]
    public void Lone_character_is_a_unigram_on_both_sides()
    {
        Assert.Equal(["癌"], Terms(PlanAnalyzer.ForQuery(), "癌"));
        Assert.Equal(["癌"], Terms(PlanAnalyzer.ForIndex(), "癌"));
    }

    [Fact]
    public void Bigrams_do_not_cross_punctuation_or_spaces()
    {
        Assert.Equal(["宫颈", "颈癌", "乳腺", "腺癌"], Terms(PlanAnalyzer.ForQuery(), "宫颈癌、乳腺癌"));
        Assert.Equal(["托育", "服务"], Terms(PlanAnalyzer.ForQuery(), "托育 服务"));
    }

    [Fact]
    public void Full_width_latin_and_digits_fold_to_ascii_lower_case()
    {
        // "（ＨＰＶ）" as typed with a Chinese input method.
        Assert.Equal(["hpv", "疫苗"], Terms(PlanAnalyzer.ForQuery(), "ＨＰＶ疫苗"));
        Assert.Equal(["8", "10", "万"], Terms(PlanAnalyzer.ForQuery(), "８/１０万"));
    }

    [Fact]
    public void Characters_fold_as_the_readers_fold_them()
    {
        // CharFold runs before the tokenizer: a traditional 婦 typed in a query finds the simplified plan text.
        Assert.Equal(["妇女"], Terms(PlanAnalyzer.ForQuery(), "婦女"));
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        var tokens = Tokens(PlanAnalyzer.ForIndex(), "提高ＨＰＶ接种率");
        Assert.Contains(("hpv", 2, 5), tokens);
        Assert.Contains(("接种", 5, 7), tokens);
    }

    private static List<string> Terms(Analyzer analyzer, string text) => [.. Tokens(analyzer, text).Select(t => t.Term)];

    private static List<(string Term, int Start, int End)> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int, int)>();
        using (analyzer)
        using (var stream = analyzer.GetTokenStream("text", text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
            }

            stream.End();
        }

        return tokens;
    }
}
