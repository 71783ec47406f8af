using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace PlanExtract.Indexing;

/// <summary>
/// Finds a query's lone Han character in an index that holds bigrams only. The index keeps no
/// unigrams (they were a third of its tokens, docs/PERFORMANCE.md), so a character stands in the
/// index as itself only where it stands alone between signs or digits; elsewhere it is the first
/// or the second character of a bigram. 癌 alone is looked for as 癌, 癌X and X癌; the 万 of
/// "8/10万" follows a number, so it starts its run of characters in any text that matches, and is
/// looked for as 万 and 万X only.
/// </summary>
/// <remarks>
/// The analyzer makes a lone character of a query only where both its neighbours are not Han
/// (a sign, a digit, a Latin word, or the query's end), so in a phrase of several terms the
/// character's place tells which side of it the text may continue. The terms each character
/// expands to are read from the index once per searcher.
/// </remarks>
internal sealed class LoneCharacters(IndexReader reader)
{
    /// <summary>Which side of the character the text may go on in Han characters.</summary>
    [Flags]
    internal enum Sides
    {
        None = 0,

        /// <summary>The character may start a bigram: 万 in 万以下.</summary>
        After = 1,

        /// <summary>The character may end a bigram: 癌 in 宫颈癌.</summary>
        Before = 2,
    }

    /// <summary>The analyzed fields a Han character can stand in; keyword fields hold whole values.</summary>
    private static readonly HashSet<string> AnalyzedFields =
        [IndexSchema.Text, IndexSchema.Lead, IndexSchema.Indicator, IndexSchema.IndicatorId];

    private readonly ConcurrentDictionary<(string Field, char Character, Sides Sides), Term[]> _terms = new();

    /// <summary>The query with each lone Han character replaced by the terms that hold it.</summary>
    public Query Expand(Query query)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                var expanded = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                var changed = false;
                foreach (var clause in boolean.Clauses)
                {
                    var inner = Expand(clause.Query);
                    changed |= !ReferenceEquals(inner, clause.Query);
                    expanded.Add(inner, clause.Occur);
                }

                return changed ? expanded : boolean;
            case TermQuery term when Lone(term.Term) is { } c:
                return AnyOf(Alternatives(term.Term.Field, c, Sides.After | Sides.Before), term.Boost);
            case PhraseQuery phrase when phrase.GetTerms().Any(t => Lone(t) is not null):
                return Phrase(phrase);
            case SpanNearQuery near when near.IsInOrder && near.Slop == 0 && near.GetClauses().Any(c => c is SpanTermQuery t && Lone(t.Term) is not null):
                return Span(near);
            case SpanNearQuery near:
                var clauses = near.GetClauses().Select(c => (SpanQuery)Expand(c)).ToArray();
                return clauses.SequenceEqual(near.GetClauses()) ? near : new SpanNearQuery(clauses, near.Slop, near.IsInOrder) { Boost = near.Boost };
            case SpanTermQuery spanTerm when Lone(spanTerm.Term) is { } c:
                return SpanAnyOf(Alternatives(spanTerm.Term.Field, c, Sides.After | Sides.Before), spanTerm.Boost);
            default:
                return query;
        }
    }

    /// <summary>What may stand at position <paramref name="index"/> of <paramref name="count"/> consecutive terms.</summary>
    internal static Sides SidesAt(int index, int count) =>
        (index == 0 ? Sides.Before : Sides.None) | (index == count - 1 ? Sides.After : Sides.None);

    /// <summary>The character itself and every bigram of the field that holds it on the given sides, in term order.</summary>
    internal Term[] Alternatives(string field, char character, Sides sides) =>
        _terms.GetOrAdd((field, character, sides), key => [new Term(key.Field, key.Character.ToString()), .. Bigrams(key.Field, key.Character, key.Sides)]);

    private static char? Lone(Term term) =>
        term.Text.Length == 1 && HanText.IsHan(term.Text[0]) && AnalyzedFields.Contains(term.Field) ? term.Text[0] : null;

    private Query Phrase(PhraseQuery phrase)
    {
        var terms = phrase.GetTerms();
        var positions = phrase.GetPositions();
        // Only a phrase of neighbours tells which side the text goes on; a sloppy one may hold it either way.
        var consecutive = phrase.Slop == 0 && positions.Select((p, i) => p - positions[0] == i).All(x => x);
        var multi = new MultiPhraseQuery { Boost = phrase.Boost, Slop = phrase.Slop };
        for (var i = 0; i < terms.Length; i++)
        {
            var sides = consecutive ? SidesAt(i, terms.Length) : Sides.After | Sides.Before;
            multi.Add(Lone(terms[i]) is { } c ? Alternatives(terms[i].Field, c, sides) : [terms[i]], positions[i]);
        }

        return multi;
    }

    private SpanQuery Span(SpanNearQuery near)
    {
        var clauses = near.GetClauses();
        var spans = clauses.Select((clause, i) => clause is SpanTermQuery term && Lone(term.Term) is { } c
            ? SpanAnyOf(Alternatives(term.Term.Field, c, SidesAt(i, clauses.Length)), term.Boost)
            : clause).ToArray();
        return new SpanNearQuery(spans, near.Slop, near.IsInOrder) { Boost = near.Boost };
    }

    // Each term scores as the unigram did: an item holding 宫颈癌 and 乳腺癌 matches 癌 twice. Past
    // Lucene's clause limit (a character in thousands of bigrams), the terms match without scores.
    private static Query AnyOf(Term[] terms, float boost)
    {
        if (terms.Length > BooleanQuery.MaxClauseCount)
        {
            return new ConstantScoreQuery(new Lucene.Net.Queries.TermsFilter(terms)) { Boost = boost };
        }

        var any = new BooleanQuery(disableCoord: true) { Boost = boost };
        foreach (var term in terms)
        {
            any.Add(new TermQuery(term), Occur.SHOULD);
        }

        return terms.Length == 1 ? new TermQuery(terms[0]) { Boost = boost } : any;
    }

    private static SpanQuery SpanAnyOf(Term[] terms, float boost) =>
        terms.Length == 1
            ? new SpanTermQuery(terms[0]) { Boost = boost }
            : new SpanOrQuery([.. terms.Take(BooleanQuery.MaxClauseCount).Select(t => (SpanQuery)new SpanTermQuery(t))]) { Boost = boost };

    // The field's two-character terms holding the character on the wanted sides: 癌X by a seek to
    // the character, X癌 through Lucene's automaton intersection with the term dictionary.
    private IEnumerable<Term> Bigrams(string field, char character, Sides sides)
    {
        if (sides == Sides.None || MultiFields.GetTerms(reader, field) is not { } terms)
        {
            return [];
        }

        var c = character.ToString();
        var pattern = (sides.HasFlag(Sides.After), sides.HasFlag(Sides.Before)) switch
        {
            (true, true) => $"{c}.|.{c}",
            (true, false) => $"{c}.",
            _ => $".{c}",
        };
        var automaton = new CompiledAutomaton(new RegExp(pattern, RegExpSyntax.NONE).ToAutomaton());
        var found = new List<Term>();
        var iterator = automaton.GetTermsEnum(terms);
        while (iterator.MoveNext())
        {
            found.Add(new Term(field, BytesRef.DeepCopyOf(iterator.Term)));
        }

        return found;
    }
}
