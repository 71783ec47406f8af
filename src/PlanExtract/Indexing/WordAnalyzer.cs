using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;

namespace PlanExtract.Indexing;

/// <summary>
/// Chinese cut into words by SmartCn's HMM segmenter: 保障儿童心理健康 becomes 保障 儿童 心理 健康.
/// A query typed without spaces is a row of words, and this is how the searcher finds them. Only
/// queries are cut: the index holds characters and bigrams, whose positions place every word, and
/// cutting the corpus cost 70% of the index build (docs/PERFORMANCE.md).
/// </summary>
/// <remarks>
/// The chain is SmartCn's own (its tokenizer, lower case, its punctuation stop set) behind the same
/// <see cref="PlanAnalyzer"/> character fold, so ⼥ in a PDF text layer is still 女. SmartCn's
/// Porter stemmer is left out: the plans' few Latin words are names (APP, HPV).
/// </remarks>
public sealed class WordAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => PlanAnalyzer.Fold(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new HMMChineseTokenizer(reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(PlanAnalyzer.Version, stream);
        stream = new StopFilter(PlanAnalyzer.Version, stream, SmartChineseAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<string> Cut(string text)
    {
        var words = new List<string>();
        using var stream = GetTokenStream("words", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }
}
