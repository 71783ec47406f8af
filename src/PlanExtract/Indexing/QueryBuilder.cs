using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;

namespace PlanExtract.Indexing;

/// <summary>How a plain query's words are matched; measured against each other in docs/SEARCH.md.</summary>
public enum QueryChain
{
    /// <summary>Bigrams only: every space-separated chunk is a phrase, nothing is relaxed (the search before SmartCn).</summary>
    Bigrams,

    /// <summary>The bigram phrase first; when it finds too little, the query's SmartCn words, each found as its bigrams.</summary>
    WordsAndBigrams,
}

/// <summary>A query to run, and when it is a relaxed one, the line that says so above the hits.</summary>
/// <remarks>
/// The query is built when first asked for: under a filter most relaxed steps end at
/// <see cref="Matching"/> (no item holds the words), and the ranking phrases are then never needed.
/// </remarks>
internal sealed class QueryStep(Func<Query> build, string? note, Query? matching = null)
{
    private Query? _query;

    public QueryStep(Query query, string? note)
        : this(() => query, note)
    {
    }

    public Query Query => _query ??= build();

    public string? Note => note;

    /// <summary>When set, the same items as <see cref="Query"/> without its ranking clauses: cheaper to ask whether any exist.</summary>
    public Query? Matching => matching;
}

/// <summary>The strict query, the relaxed ones to try in order when it finds too little, and the plain words typed.</summary>
/// <param name="Relaxed">
/// Each step built only when the one before found too little: most queries find enough as written,
/// and cutting words and building a dozen phrases costs more than running them. Enumerate once.
/// </param>
internal sealed record QueryPlan(QueryStep Strict, IEnumerable<QueryStep> Relaxed, IReadOnlyList<string> Chunks, bool Plain);

/// <summary>
/// Turns the user's text into queries: the strict one (a bare Chinese word is a phrase, all words
/// required, a match in an item's first sentence weighted above a match deep in its text), and the
/// relaxed ones that stand behind it (all the words anywhere in the item, then most of them).
/// </summary>
internal sealed class QueryBuilder(Analyzer queryAnalyzer, WordAnalyzer words, QueryChain chain, PlaceNames? places = null)
{
    // A relaxed step names each word three times over and its neighbours again in pairs: each
    // word's bigrams are analysed once, and each word's query built once and shared.
    private readonly Dictionary<string, List<string>> _bigrams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Query> _words = new(StringComparer.Ordinal);
    private readonly Lucene.Net.Util.QueryBuilder _fieldQueries = new(queryAnalyzer);

    /// <summary>Weight of a match in the lead sentence above one in the rest: a measure headed "完善托育服务体系。" is about 托育.</summary>
    internal const float LeadBoost = 1.5f;

    /// <summary>
    /// Weight of the lead field: its sentence is no longer also in the text field, so a match there
    /// counts as the text's match plus the lead's, as when the index held the sentence twice.
    /// </summary>
    internal const float LeadWeight = 1f + LeadBoost;

    /// <summary>Weight of the words typed apart found together: "普惠性 幼儿园" best matches 普惠性幼儿园.</summary>
    internal const float JoinedPhraseBoost = 2f;

    /// <summary>In a relaxed query, the whole query found as written outranks its words found apart.</summary>
    internal const float RelaxedPhraseBoost = 4f;

    /// <summary>In a relaxed query, the words standing near each other (within <see cref="NearSlop"/>) outrank words far apart.</summary>
    internal const float NearBoost = 2f;

    /// <summary>When most of the words are enough, an item holding all of them counts this much more.</summary>
    internal const float AllWordsBoost = 2f;

    /// <summary>In a relaxed query, two neighbouring words of the query found together.</summary>
    internal const float PairBoost = 1.5f;

    /// <summary>How many characters apart the words still count as near: 农村妇女…土地承包经营权…权益 stands within a clause.</summary>
    internal const int NearSlop = 24;

    public QueryPlan Build(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new QueryException("the search query is empty; give words to look for, or a target filter such as --indicator");
        }

        var rewritten = QuerySyntax.Rewrite(text);
        var strict = Strict(rewritten);
        var relaxed = chain == QueryChain.Bigrams || !rewritten.Plain ? [] : Relaxed(rewritten.Chunks);
        return new QueryPlan(new QueryStep(strict, null), relaxed, rewritten.Chunks, rewritten.Plain);
    }

    /// <summary>
    /// A phrase of the given text in the text and lead fields, as the user would quote it: the query
    /// the classic parser makes of <c>"text"</c>, built without a parser (a parser per phrase was
    /// most of a filtered search's cost). Lucene's own field query builder, which the parser calls,
    /// makes each field's phrase; MultiFieldQueryParser joins them boosted and without coord.
    /// </summary>
    internal Query Phrase(string text)
    {
        var either = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in PlanQueryParser.Fields)
        {
            if (_fieldQueries.CreatePhraseQuery(field, text) is { } inField)
            {
                inField.Boost = boost;
                either.Add(inField, Occur.SHOULD);
            }
        }

        return either.Clauses.Count > 0 ? either : new BooleanQuery();
    }

    private Query Strict(RewrittenQuery rewritten)
    {
        if (!rewritten.Plain)
        {
            return Parse(rewritten.Syntax);
        }

        // Plain words: each is a phrase (AutoGeneratePhraseQueries), all required (AND), as the
        // parser reads them; a word the analyzer makes nothing of (a sign alone) is dropped as it drops it.
        // The parser hands back a lone word's query itself only when the first word made it.
        var phrases = rewritten.Chunks.Select(Phrase).ToList();
        var words = phrases.Where(q => q is not BooleanQuery { Clauses.Count: 0 }).ToList();
        Query parsed;
        if (words.Count == 1 && ReferenceEquals(words[0], phrases[0]))
        {
            parsed = words[0];
        }
        else
        {
            var all = new BooleanQuery();
            words.ForEach(w => all.Add(w, Occur.MUST));
            parsed = all;
        }

        if (rewritten.Chunks.Count < 2)
        {
            return parsed;
        }

        // Plain words with spaces between them: the parser requires each word anywhere in the
        // item; the same characters written together rank an item higher still.
        var joined = Phrase(string.Concat(rewritten.Chunks));
        joined.Boost = JoinedPhraseBoost;
        return new BooleanQuery
        {
            { parsed, Occur.MUST },
            { joined, Occur.SHOULD },
        };
    }

    private IEnumerable<QueryStep> Relaxed(IReadOnlyList<string> chunks)
    {
        var cut = chunks.SelectMany(words.Cut).Distinct(StringComparer.Ordinal).ToList();
        if (cut.Count < 2)
        {
            yield break;
        }

        var shown = string.Join(" ", cut);
        var written = string.Join(" ", chunks);
        List<Query>? ranked = null;
        Query All()
        {
            var all = new BooleanQuery();
            (ranked ??= Ranked(cut)).ForEach(r => all.Add(r, Occur.SHOULD));
            foreach (var word in cut)
            {
                all.Add(Word(word), Occur.MUST);
            }

            return all;
        }

        yield return new QueryStep(All, $"too few items hold \"{written}\" as written; showing items that hold all of its words ({shown}), those holding them together first", AllWords(cut));

        var most = Math.Max(1, (int)Math.Ceiling(cut.Count * 2 / 3.0));
        if (most == cut.Count)
        {
            most--;
        }

        var any = new BooleanQuery { MinimumNumberShouldMatch = most };
        foreach (var word in cut)
        {
            any.Add(Word(word), Occur.SHOULD);
        }

        // Items holding all the words still rank above those holding most of them.
        var holdsAll = AllWords(cut);
        holdsAll.Boost = AllWordsBoost;
        var some = new BooleanQuery();
        (ranked ??= Ranked(cut)).ForEach(r => some.Add(r, Occur.SHOULD));
        some.Add(any, Occur.MUST);
        some.Add(holdsAll, Occur.SHOULD);
        yield return new QueryStep(some, $"few items hold all of the words {shown}; showing also items that hold at least {most} of them (those holding all first)");
    }

    private BooleanQuery AllWords(IReadOnlyList<string> cut)
    {
        var all = new BooleanQuery();
        foreach (var word in cut)
        {
            all.Add(Word(word), Occur.MUST);
        }

        return all;
    }

    // The boosts every relaxed query carries: the whole text as written, then its words near each
    // other, then each pair of neighbouring words together (保障儿童心理健康: an item on
    // 儿童心理健康 is about the query even where it does not say 保障).
    private List<Query> Ranked(IReadOnlyList<string> cut)
    {
        var joined = Phrase(string.Concat(cut));
        joined.Boost = RelaxedPhraseBoost;
        var near = Near(cut);
        near.Boost = NearBoost;
        var ranked = new List<Query> { joined, near };
        for (var i = 0; i + 1 < cut.Count; i++)
        {
            var pair = TextPhrase(cut[i] + cut[i + 1]);
            pair.Boost = PairBoost;
            ranked.Add(pair);
        }

        return ranked;
    }

    // One word: as a bigram phrase in the text and the lead sentence, which also finds 心理
    // inside 心理健康 where SmartCn would cut the text otherwise. Built from the analyzer's bigrams
    // directly: a relaxed query holds a dozen of these, and a parser per word doubled its cost.
    private Query Word(string word)
    {
        if (!_words.TryGetValue(word, out var built))
        {
            built = TextPhrase(word);
            _words.Add(word, built);
        }

        return built;
    }

    // The bigrams (or the lone character) of a word as a phrase in the text and the lead sentence,
    // what the parser makes of "word", without a parser.
    private Query TextPhrase(string word)
    {
        var bigrams = Bigrams(word);
        var either = new BooleanQuery();
        foreach (var (field, boost) in PlanQueryParser.Fields)
        {
            Query inField;
            if (bigrams.Count == 1)
            {
                inField = new TermQuery(new Term(field, bigrams[0]));
            }
            else
            {
                var phrase = new PhraseQuery();
                foreach (var bigram in bigrams)
                {
                    phrase.Add(new Term(field, bigram));
                }

                inField = phrase;
            }

            inField.Boost = boost;
            either.Add(inField, Occur.SHOULD);
        }

        return either;
    }

    private List<string> Bigrams(string word)
    {
        if (_bigrams.TryGetValue(word, out var bigrams))
        {
            return bigrams;
        }

        bigrams = [];
        using (var stream = queryAnalyzer.GetTokenStream(IndexSchema.Text, word))
        {
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                bigrams.Add(term.ToString());
            }

            stream.End();
        }

        _bigrams.Add(word, bigrams);
        return bigrams;
    }

    // The query's words near each other: within NearSlop characters, in any order. The index
    // holds no SmartCn field (cutting the corpus cost 70% of the build): the positions of each
    // word's bigrams place it. Near within the lead sentence or within the rest of the text, the
    // two fields an item's text is split into; the words of a clause stand in one sentence.
    // A word the text chain makes nothing of (a sign alone) has no position and is left out.
    private Query Near(IReadOnlyList<string> cut)
    {
        var words = cut.Where(w => Bigrams(w).Count > 0).ToList();
        if (words.Count == 0)
        {
            return new BooleanQuery();
        }

        var either = new BooleanQuery(disableCoord: true);
        foreach (var field in IndexSchema.TextFields)
        {
            either.Add(new SpanNearQuery([.. words.Select(w => WordSpan(field, w))], NearSlop, inOrder: false), Occur.SHOULD);
        }

        return either;
    }

    // A word as the span of its bigrams in one field (a lone character as itself).
    private SpanQuery WordSpan(string field, string word)
    {
        var spans = Bigrams(word).Select(b => (SpanQuery)new SpanTermQuery(new Term(field, b))).ToArray();
        return spans.Length == 1 ? spans[0] : new SpanNearQuery(spans, 0, inOrder: true);
    }

    private Query Parse(string syntax)
    {
        var parser = new PlanQueryParser(queryAnalyzer, places);
        try
        {
            return parser.Parse(syntax) ?? new BooleanQuery();
        }
        catch (ParseException)
        {
            // QuerySyntax leaves the parser nothing it should refuse; if it still does, read it all as text.
            try
            {
                return parser.Parse(QuerySyntax.Literal(syntax)) ?? new BooleanQuery();
            }
            catch (ParseException)
            {
                throw new QueryException("cannot read the query; write words, \"a phrase\", AND/OR/NOT or field:value");
            }
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new QueryException("the query expands to too many terms; use fewer words or a longer prefix before *");
        }
    }
}

/// <summary>
/// The classic parser over the text and lead fields, with the numeric fields compared as numbers
/// (<c>value:[5 TO 10]</c> had compared strings, and <c>value:[1 TO 2]</c> returned 15 and 100)
/// and the keyword fields read without regard to case (<c>plan:Women</c>). Place fields
/// (<c>district:清城</c>) are looked up among the names the index holds.
/// </summary>
internal sealed class PlanQueryParser : MultiFieldQueryParser
{
    private readonly PlaceNames? _places;

    /// <summary>
    /// The fields a word is looked for in, and the weight of each. A target's indicator stands in
    /// for its lead sentence (孕产妇死亡率 heads 孕产妇死亡率下降到8/10万以下); it was indexed twice.
    /// </summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> Fields =
        [(IndexSchema.Text, 1f), (IndexSchema.Lead, QueryBuilder.LeadWeight), (IndexSchema.Indicator, QueryBuilder.LeadBoost)];

    public PlanQueryParser(Analyzer analyzer, PlaceNames? places = null)
        : base(
            PlanAnalyzer.Version,
            [.. Fields.Select(f => f.Field)],
            analyzer,
            Fields.ToDictionary(f => f.Field, f => f.Boost))
    {
        // 乳腺癌 analyses to the bigrams 乳腺 腺癌; without this they would be OR-ed and match 乳腺增生.
        AutoGeneratePhraseQueries = true;
        DefaultOperator = Operator.AND;
        AllowLeadingWildcard = false;
        _places = places;
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        if (Place(field, queryText) is { } place)
        {
            return place;
        }

        if (field is not null && QuerySyntax.IsNumeric(field))
        {
            return GetRangeQuery(field, queryText, queryText, true, true);
        }

        if (field is IndexSchema.Plan or IndexSchema.Section or IndexSchema.Kind)
        {
            queryText = queryText.ToLowerInvariant();
        }

        return field == IndexSchema.Text
            ? InWholeText(f => base.GetFieldQuery(f, queryText, quoted))
            : base.GetFieldQuery(field!, queryText, quoted);
    }

    protected override Query GetPrefixQuery(string field, string termStr) =>
        field == IndexSchema.Text ? InWholeText(f => base.GetPrefixQuery(f, termStr)) : base.GetPrefixQuery(field, termStr);

    protected override Query GetWildcardQuery(string field, string termStr) =>
        field == IndexSchema.Text ? InWholeText(f => base.GetWildcardQuery(f, termStr)) : base.GetWildcardQuery(field, termStr);

    // A typed text: means an item's whole text, which the index splits into its lead sentence and the rest.
    private static Query InWholeText(Func<string, Query?> inField)
    {
        var either = new BooleanQuery(disableCoord: true);
        foreach (var field in IndexSchema.TextFields)
        {
            if (inField(field) is { } query)
            {
                either.Add(query, Occur.SHOULD);
            }
        }

        return either;
    }

    private Query? Place(string? field, string text) =>
        field is not null && IndexSchema.KeyOf(field) is { } key ? _places?.Matching(key, text) ?? new BooleanQuery() : null;

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (field == IndexSchema.Value)
        {
            return NumericRangeQuery.NewDoubleRange(field, Bound(part1), Bound(part2), startInclusive, endInclusive);
        }

        if (field == IndexSchema.Year)
        {
            var from = Bound(part1);
            var to = Bound(part2);
            return NumericRangeQuery.NewInt32Range(field, from is { } f ? (int)Math.Ceiling(f) : null, to is { } t ? (int)Math.Floor(t) : null, startInclusive, endInclusive);
        }

        return base.GetRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    private static double? Bound(string? text)
    {
        if (text is null or "*")
        {
            return null;
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new QueryException($"'{text}' is not a number; value and year compare numbers (value:[5 TO 10])");
    }
}
