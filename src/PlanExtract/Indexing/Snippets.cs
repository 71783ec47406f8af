using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PlanExtract.Text;

namespace PlanExtract.Indexing;

/// <summary>
/// Finds where a query matched in a hit's text by running the index analyzer over it and matching
/// the query's terms and phrases against the tokens, then cuts a window around the densest matches.
/// The Highlighter package is not available here; the analyzer's offsets are all it needs.
/// </summary>
internal sealed class Snippets
{
    /// <summary>Items this long or shorter are shown whole; the corpus's goals mostly are.</summary>
    internal const int WindowLength = 120;

    /// <summary>How much text to keep before the first match in a window, for context.</summary>
    private const int LeadIn = 24;

    private readonly Analyzer _analyzer;
    private readonly List<Step[]> _patterns = [];
    private readonly HashSet<string> _terms = new(StringComparer.Ordinal);

    /// <summary>Each pattern as the Han characters it is, in a row; null when some pattern is not one (Latin, digits, several terms at a step).</summary>
    private readonly List<string>? _literals;

    /// <summary>One step of a phrase: a term set (several for a MultiPhraseQuery) at a relative position.</summary>
    private sealed record Step(int Position, HashSet<string> Terms);

    private sealed record Token(string Term, int Position, int Start, int End);

    public Snippets(Analyzer analyzer, Query rewritten)
    {
        _analyzer = analyzer;
        Collect(rewritten);
        foreach (var step in _patterns.SelectMany(p => p))
        {
            _terms.UnionWith(step.Terms);
        }

        var literals = _patterns.Select(Literal).OfType<string>().ToList();
        _literals = literals.Count == _patterns.Count ? literals : null;
    }

    /// <summary>True when every pattern is plain Han text, found by <see cref="LiteralRanges"/>.</summary>
    internal bool ByCharacters => _literals is not null;

    public (string Text, IReadOnlyList<Mark> Marks) Make(string text)
    {
        var ranges = MatchRanges(text);
        if (text.Length <= WindowLength)
        {
            return (text, ranges);
        }

        var (start, end) = Window(text, ranges);
        var prefix = start > 0 ? "…" : string.Empty;
        var suffix = end < text.Length ? "…" : string.Empty;
        var marks = ranges
            .Where(r => r.Start >= start && r.Start + r.Length <= end)
            .Select(r => new Mark(r.Start - start + prefix.Length, r.Length))
            .ToList();
        return (prefix + text[start..end] + suffix, marks);
    }

    /// <summary>Merged, ordered character ranges of every phrase or term occurrence the query asks for.</summary>
    internal IReadOnlyList<Mark> MatchRanges(string text) => _literals is null ? AnalyzedRanges(text) : LiteralRanges(text);

    /// <summary>
    /// The ranges found by searching the folded text for each pattern's characters: a phrase of
    /// Han bigrams matches exactly where its characters stand in a row (the analyzer makes a
    /// unigram of every Han character and a bigram of every two neighbours), and this costs an
    /// IndexOf instead of analysing a measure of a thousand characters for each hit shown.
    /// </summary>
    internal IReadOnlyList<Mark> LiteralRanges(string text)
    {
        var folded = CharFold.Fold(text);
        var covered = new List<(int Start, int End)>();
        foreach (var literal in _literals ?? throw new InvalidOperationException("a pattern is not plain Han text"))
        {
            for (var at = folded.IndexOf(literal, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(literal, at + 1, StringComparison.Ordinal))
            {
                covered.Add((at, at + literal.Length));
            }
        }

        return Merge(covered);
    }

    /// <summary>The ranges found by running the index analyzer over the text and matching its tokens, for any pattern.</summary>
    internal IReadOnlyList<Mark> AnalyzedRanges(string text)
    {
        if (_patterns.Count == 0)
        {
            return [];
        }

        var tokens = Tokens(text);
        var byPosition = tokens.ToLookup(t => t.Position);
        var covered = new List<(int Start, int End)>();
        foreach (var pattern in _patterns)
        {
            foreach (var first in tokens.Where(t => pattern[0].Terms.Contains(t.Term)))
            {
                var origin = first.Position - pattern[0].Position;
                var matched = new List<Token>(pattern.Length);
                foreach (var step in pattern)
                {
                    var token = byPosition[origin + step.Position].FirstOrDefault(t => step.Terms.Contains(t.Term));
                    if (token is null)
                    {
                        matched.Clear();
                        break;
                    }

                    matched.Add(token);
                }

                if (matched.Count > 0)
                {
                    covered.Add((matched.Min(t => t.Start), matched.Max(t => t.End)));
                }
            }
        }

        return Merge(covered);
    }

    private static List<Mark> Merge(List<(int Start, int End)> covered)
    {
        var merged = new List<Mark>();
        var (runStart, runEnd) = (-1, -1);
        foreach (var (start, end) in covered.OrderBy(c => c.Start))
        {
            if (start <= runEnd)
            {
                runEnd = Math.Max(runEnd, end);
                continue;
            }

            if (runEnd > runStart)
            {
                merged.Add(new Mark(runStart, runEnd - runStart));
            }

            (runStart, runEnd) = (start, end);
        }

        if (runEnd > runStart)
        {
            merged.Add(new Mark(runStart, runEnd - runStart));
        }

        return merged;
    }

    // A term or a phrase at consecutive positions whose terms are Han unigrams or overlapping Han
    // bigrams ("孕产 产妇 妇死 死亡 亡率") is the text 孕产妇死亡率.
    private static string? Literal(Step[] pattern)
    {
        var terms = new List<string>(pattern.Length);
        var ordered = pattern.OrderBy(s => s.Position).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Terms.Count != 1 || ordered[i].Position != ordered[0].Position + i)
            {
                return null;
            }

            var term = ordered[i].Terms.First();
            if (term.Length is < 1 or > 2 || !term.All(HanText.IsHan) || (ordered.Count > 1 && term.Length != 2))
            {
                return null;
            }

            if (i > 0 && terms[^1][1] != term[0])
            {
                return null;
            }

            terms.Add(term);
        }

        return terms.Count == 0 ? null : terms[0] + string.Concat(terms.Skip(1).Select(t => t[1]));
    }

    // The window that holds the most matches, starting a little before its first match and at a
    // clause boundary when one is near, so the snippet reads as a sentence.
    private static (int Start, int End) Window(string text, IReadOnlyList<Mark> ranges)
    {
        var start = 0;
        var best = 0;
        foreach (var candidate in ranges)
        {
            var count = ranges.Count(r => r.Start >= candidate.Start && r.Start + r.Length <= candidate.Start + WindowLength - LeadIn);
            if (count > best)
            {
                best = count;
                start = candidate.Start;
            }
        }

        if (start > 0)
        {
            var from = Math.Max(0, start - LeadIn);
            var boundary = text.LastIndexOfAny(['。', '；', '，', '、', '：'], start - 1, start - from);
            start = boundary >= 0 ? boundary + 1 : from;
        }

        start = Math.Min(start, Math.Max(0, text.Length - WindowLength));
        return (start, Math.Min(text.Length, start + WindowLength));
    }

    // Only tokens whose term some pattern asks for: a step matches nothing else, and a long item
    // has a thousand tokens (unigrams and bigrams) of which a handful matter.
    private List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var wanted = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = _analyzer.GetTokenStream(IndexSchema.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            if (wanted.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var known))
            {
                tokens.Add(new Token(known, position, offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        return tokens;
    }

    private void Collect(Query query)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Collect(clause.Query);
                }

                break;
            case DisjunctionMaxQuery max:
                foreach (var disjunct in max.Disjuncts)
                {
                    Collect(disjunct);
                }

                break;
            case ConstantScoreQuery constant when constant.Query is not null:
                // Wildcards rewrite to a constant-score wrapper around the terms they expand to.
                Collect(constant.Query);
                break;
            case TermQuery term when IsText(term.Term):
                _patterns.Add([new Step(0, [term.Term.Text])]);
                break;
            case PhraseQuery phrase when phrase.GetTerms().Length > 0 && IsText(phrase.GetTerms()[0]):
                var terms = phrase.GetTerms();
                var positions = phrase.GetPositions();
                _patterns.Add([.. terms.Select((t, i) => new Step(positions[i], [t.Text]))]);
                break;
            case MultiPhraseQuery multi when multi.GetTermArrays().Count > 0 && IsText(multi.GetTermArrays()[0][0]):
                var arrays = multi.GetTermArrays();
                var at = multi.GetPositions();
                _patterns.Add([.. arrays.Select((a, i) => new Step(at[i], [.. a.Select(t => t.Text)]))]);
                break;
            default:
                var extracted = new HashSet<Term>();
                try
                {
                    query.ExtractTerms(extracted);
                }
                catch (NotSupportedException)
                {
                    // Queries that cannot name their terms simply go unmarked.
                }

                foreach (var t in extracted.Where(IsText))
                {
                    _patterns.Add([new Step(0, [t.Text])]);
                }

                break;
        }
    }

    private static bool IsText(Term term) => term.Field is IndexSchema.Text or IndexSchema.Lead;
}
