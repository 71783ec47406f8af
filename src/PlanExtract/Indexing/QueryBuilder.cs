using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace PlanExtract.Indexing;

/// <summary>
/// Turns what a researcher types into a Lucene query: classic syntax (quotes, AND/OR/NOT, field:),
/// a bare Chinese word searched as a phrase, all words required, and a match in an item's first
/// sentence weighted above a match deep in its text.
/// </summary>
internal sealed partial class QueryBuilder(Analyzer queryAnalyzer)
{
    /// <summary>Weight of a match in the lead sentence: a measure headed "完善托育服务体系。" is about 托育.</summary>
    internal const float LeadBoost = 1.5f;

    /// <summary>Weight of the words typed apart found together: "普惠性 幼儿园" best matches 普惠性幼儿园.</summary>
    internal const float JoinedPhraseBoost = 2f;

    public Query Build(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PlanExtractException("the search query is empty");
        }

        var parsed = Parse(text);
        var words = SpacedWords().Match(text.Trim());
        if (!words.Success)
        {
            return parsed;
        }

        // Plain words with spaces between them: the parser requires each word anywhere in the
        // item; the same characters written together rank an item higher still.
        var joined = Parse("\"" + WhiteSpace().Replace(text.Trim(), string.Empty) + "\"");
        joined.Boost = JoinedPhraseBoost;
        return new BooleanQuery
        {
            { parsed, Occur.MUST },
            { joined, Occur.SHOULD },
        };
    }

    private Query Parse(string text)
    {
        var parser = new MultiFieldQueryParser(
            PlanAnalyzer.Version,
            [IndexSchema.Text, IndexSchema.Lead],
            queryAnalyzer,
            new Dictionary<string, float> { [IndexSchema.Text] = 1f, [IndexSchema.Lead] = LeadBoost })
        {
            // 乳腺癌 analyses to the bigrams 乳腺 腺癌; without this they would be OR-ed and match 乳腺增生.
            AutoGeneratePhraseQueries = true,
            DefaultOperator = Operator.AND,
        };
        try
        {
            return parser.Parse(text) ?? new BooleanQuery();
        }
        catch (ParseException e)
        {
            throw new PlanExtractException($"cannot parse the query '{text}': {FirstLine(e.Message)}", e);
        }
        catch (BooleanQuery.TooManyClausesException e)
        {
            throw new PlanExtractException($"the query '{text}' expands to too many terms", e);
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        // The parser repeats the whole query first ("Cannot parse '…': Encountered …"); keep the reason.
        var reason = line.IndexOf("': ", StringComparison.Ordinal);
        return reason >= 0 ? line[(reason + 3)..] : line;
    }

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}\p{L}\p{N}]+(?:\s+[\p{IsCJKUnifiedIdeographs}\p{L}\p{N}]+)+$")]
    private static partial Regex SpacedWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
