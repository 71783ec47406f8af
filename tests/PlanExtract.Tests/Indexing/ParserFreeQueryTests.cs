using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// Plain words and phrases are built without the classic parser (a parser per query was most of
/// a filtered search's cost); the query built must be the very query the parser makes, so
/// ranking does not move. Checked on every judged query and on the hostile ones that read as plain.
/// </summary>
public sealed class ParserFreeQueryTests
{
    public static TheoryData<string> Typed()
    {
        var judged = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Gold", "search", "relevance.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')[0]);
        var data = new TheoryData<string>();
        foreach (var query in judged.Concat(HostileQueryTests.Hostile().Select((object[] row) => (string)row[0])).Distinct(StringComparer.Ordinal))
        {
            data.Add(query);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Typed))]
    public void Plain_words_make_the_parsers_query(string typed)
    {
        RewrittenQuery rewritten;
        try
        {
            rewritten = QuerySyntax.Rewrite(typed);
        }
        catch (QueryException)
        {
            return; // refused before any query is built (too long): nothing to compare
        }

        using var analyzer = IndexSchema.CreateAnalyzer(forIndex: false);
        using var words = new WordAnalyzer();
        var builder = new QueryBuilder(analyzer, words, QueryChain.WordsAndBigrams);
        Query strict;
        try
        {
            strict = builder.Build(typed).Strict.Query;
        }
        catch (QueryException)
        {
            // Only the parser refuses, and only what is not plain words (an empty query aside).
            Assert.True(!rewritten.Plain || rewritten.Chunks.Count == 0, typed);
            return;
        }

        if (!rewritten.Plain)
        {
            return; // syntax still goes through the parser: the same query by construction
        }

        var parsed = new PlanQueryParser(analyzer).Parse(rewritten.Syntax) ?? new BooleanQuery();

        // Words typed apart carry the joined phrase beside the words (a ranking clause): compare the required part.
        var required = rewritten.Chunks.Count > 1 ? ((BooleanQuery)strict).Clauses[0].Query : strict;
        Assert.Equal(parsed, required);
        foreach (var chunk in rewritten.Chunks)
        {
            var quoted = new PlanQueryParser(analyzer).Parse("\"" + QueryParserBase.Escape(chunk) + "\"") ?? new BooleanQuery();
            Assert.Equal(quoted, builder.Phrase(chunk));
        }
    }
}
