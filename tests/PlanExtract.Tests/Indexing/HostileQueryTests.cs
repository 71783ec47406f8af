using System.Diagnostics;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// Queries people type, or paste, that are not query syntax: each gives hits or no hits (exit 0)
/// or one line saying what to change (exit 2), never a stack trace, a raw parser message or a
/// search that runs away. Run through the command line as a user would.
/// </summary>
public sealed class HostileQueryTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    /// <summary>Loose on purpose (speed is measured in bench/): catches a regex or fuzzy query running for minutes, not jitter.</summary>
    private static readonly TimeSpan RunawayBound = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Hostile() =>
    [
        // Units and numbers as the corpus writes them.
        "8/10万", "6.5/10万", "1/10万活产", "≤8/10万", "90%", "95%以上", "5‰", "3/1000", "1:1", "2021—2030年",
        // Broken syntax.
        "\"", "\"乳腺癌", "乳腺癌\"", "\"\"", "\"\"\"", "(", ")", "(托育", "托育)", "((托育)", "()", "[", "]", "{", "}",
        "[5 TO", "value:[5 TO 10", "value:[a TO b]", "domain:[a TO z]", "\\", "托育\\", "\\\"", "乳腺癌 AND", "AND", "OR OR",
        "NOT", "NOT NOT 托育", "&&", "||", "!", "+", "-", "+-托育", "^", "托育^10", ":", "domain:", "::", "text:",
        // Regular expressions, fuzzy and wildcards.
        "/[/", "/a{0,100000}/", "/.*托.{30}/", "/", "//", "托育~", "托育~0.1", "\"乳腺 癌\"~100000", "*", "?", "*托育", "?育", "托*", "**", "a*",
        // Unknown fields and look-alikes of fields.
        "foo:bar", "http://example.org", "value:abc", "year:二〇三〇", "section:Goal",
        // Lengths and characters.
        new string('托', 10_000), string.Join(" ", Enumerable.Repeat("托育", 2_000)), "😀", "托育😀", "👩‍👧‍👦 儿童",
        "托\u200b育", "\u200b", "\u202e育托\u202c", "\u200f\u05e9\u05dc\u05d5\u05dd", "托育\u0000", "\t\n", "、。，；：！？", "。。。", "…", "——", "《》",
        "（托育", "“乳腺癌", "＂乳腺癌＂", "ﾄ", "AND 托育 OR",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Query_gives_hits_or_one_clear_line(string query)
    {
        var clock = Stopwatch.StartNew();
        var (code, output, error) = CliRunner.Run("search", query, "--index", index.IndexFolder, "--format", "jsonl");
        clock.Stop();

        Assert.True(code is 0 or 2, $"exit {code}: {error}");
        Assert.True(clock.Elapsed < RunawayBound, $"took {clock.Elapsed}");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        foreach (var raw in new[] { "Cannot parse", "Encountered", "Lexical error", "\\u", "Was expecting" })
        {
            Assert.DoesNotContain(raw, error, StringComparison.Ordinal);
        }

        if (code == 2)
        {
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(error);
            Assert.Contains("\"kind\":\"summary\"", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_list_is_long_enough() => Assert.True(Hostile().Count >= 60, $"{Hostile().Count} hostile queries");

    [Theory]
    [InlineData("8/10万", "8/10")]
    [InlineData("6.5/10万", "6.5/10")]
    public void A_unit_with_a_slash_is_text(string query, string written)
    {
        // Quoted, the query is not relaxed: every hit holds the number and unit as written.
        var quoted = index.Search("\"" + query + "\"", 50);
        Assert.NotEmpty(quoted.Hits);
        Assert.All(quoted.Hits, h => Assert.Contains(written, h.Text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));

        // Plain, it may be relaxed to fill a page, but the items holding it as written come first.
        var plain = index.Search(query, 50);
        Assert.All(plain.Hits.Take(quoted.TotalHits), h => Assert.Contains(written, h.Text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_field_is_one_line_naming_the_fields()
    {
        var (code, _, error) = CliRunner.Run("search", "foo:bar", "--index", index.IndexFolder);
        Assert.Equal(2, code);
        Assert.Contains("'foo:'", error, StringComparison.Ordinal);
        Assert.Contains("indicator_id", error, StringComparison.Ordinal);
        Assert.Contains("planextract search --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fuzzy_operator_is_text_not_a_fuzzy_search()
    {
        // 托育~ matched 458 items as a fuzzy term; as text it is 托育.
        Assert.Equal(index.Search("托育", 100).TotalHits, index.Search("托育~", 100).TotalHits);
    }

    [Theory]
    [InlineData("乳腺癌 AND")]
    [InlineData("\"乳腺癌")]
    [InlineData("(乳腺癌")]
    [InlineData("乳腺癌)")]
    public void Broken_syntax_around_a_word_searches_the_word(string query) =>
        Assert.Equal(index.Search("乳腺癌", 100).TotalHits, index.Search(query, 100).TotalHits);

    [Fact]
    public void Zero_width_space_inside_a_word_does_not_split_it() =>
        Assert.Equal(index.Search("托育", 100).TotalHits, index.Search("托\u200b育", 100).TotalHits);
}
