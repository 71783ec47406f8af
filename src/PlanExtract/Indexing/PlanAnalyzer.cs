using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using PlanExtract.Text;

namespace PlanExtract.Indexing;

/// <summary>
/// The Chinese text chain, composed like Lucene's language analyzers: fold look-alike characters,
/// split words (one token per Han character), fold full/half width, lower-case Latin, then join
/// neighbouring Han characters into bigrams. Queries are also cut into words (<see cref="WordAnalyzer"/>),
/// each found as its characters here.
/// </summary>
/// <remarks>
/// The index and queries both keep bigrams only (a lone character between signs or digits comes out
/// as itself), so 乳腺癌 is the phrase "乳腺 腺癌". The index kept a unigram of every character as
/// well until the country-scale build: a third of its tokens and a quarter of the build's CPU
/// (docs/PERFORMANCE.md). A one-character query (癌, the 万 of 8/10万) is found through the
/// bigrams that hold the character (<see cref="LoneCharacters"/>). Snippets still mark single
/// characters, with the chain that makes unigrams (<see cref="ForSnippets"/>).
/// </remarks>
public sealed class PlanAnalyzer(bool outputUnigrams) : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>What the index stores and queries are cut into: bigrams, and unigrams only for lone characters.</summary>
    public static PlanAnalyzer ForIndex() => new(outputUnigrams: false);

    /// <summary>The same chain for queries.</summary>
    public static PlanAnalyzer ForQuery() => ForIndex();

    /// <summary>
    /// Bigrams and a unigram of every character, at the positions the index gives its bigrams:
    /// what snippets match a query's terms against, so that 癌 or the 万 of 8/10万 is marked
    /// where the index holds it only inside a bigram.
    /// </summary>
    public static PlanAnalyzer ForSnippets() => new(outputUnigrams: true);

    protected override TextReader InitReader(string fieldName, TextReader reader) => Fold(reader);

    /// <summary>The character fold every Chinese chain starts with.</summary>
    internal static TextReader Fold(TextReader reader) => new CharFoldFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>
    /// Applies <see cref="CharFold"/> before tokenizing: PDF text layers write 女 as the Kangxi radical
    /// ⼥, which the tokenizer would otherwise drop as a symbol. The fold is one for one, so offsets
    /// need no correction and snippets cut the original text at the right places.
    /// </summary>
    private sealed class CharFoldFilter(TextReader input) : Lucene.Net.Analysis.CharFilter(input)
    {
        protected override int Correct(int currentOff) => currentOff;

        public override int Read(char[] buffer, int index, int count)
        {
            var read = m_input.Read(buffer, index, count);
            for (var i = index; i < index + read; i++)
            {
                buffer[i] = CharFold.Fold(buffer[i]);
            }

            return read;
        }

        public override int Read(Span<char> buffer)
        {
            var read = m_input.Read(buffer);
            for (var i = 0; i < read; i++)
            {
                buffer[i] = CharFold.Fold(buffer[i]);
            }

            return read;
        }

        public override int Read()
        {
            var c = m_input.Read();
            return c < 0 ? c : CharFold.Fold((char)c);
        }
    }
}
