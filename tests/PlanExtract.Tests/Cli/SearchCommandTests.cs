using System.Text.Json;
using PlanExtract.Indexing;
using PlanExtract.Tests.Indexing;

namespace PlanExtract.Tests.Cli;

/// <summary>The search command's outputs to take away and its conventions (issue 13).</summary>
public sealed class SearchCommandTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    private (int Code, string Out, string Err) Search(params string[] args) => CliRunner.Run(["search", .. args, "--index", index.IndexFolder]);

    [Fact]
    public void Jsonl_is_one_hit_per_line_then_a_summary_with_totals_and_facets()
    {
        var (code, output, _) = Search("家庭暴力", "--limit", "3", "--format", "jsonl");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        var expected = index.Search("家庭暴力", 3);
        var summary = lines[^1];
        Assert.Equal(SearchHitsJson.SummaryKind, summary.GetProperty("kind").GetString());
        Assert.Equal(expected.TotalHits, summary.GetProperty("total").GetInt32());
        Assert.Equal(expected.TotalHits, summary.GetProperty("by_district").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(expected.TotalHits, summary.GetProperty("by_domain").EnumerateObject().Sum(p => p.Value.GetInt32()));
        foreach (var hit in lines.SkipLast(1))
        {
            foreach (var key in new[] { "kind", "district", "plan", "domain", "section", "item", "line", "page", "source", "text", "snippet" })
            {
                Assert.True(hit.TryGetProperty(key, out _), key);
            }
        }
    }

    [Fact]
    public void A_target_hit_carries_its_indicator_value_and_unit()
    {
        var (_, output, _) = Search("--indicator", "孕产妇死亡率", "--format", "jsonl", "--limit", "1");
        var hit = JsonDocument.Parse(output.Split('\n')[0]).RootElement;
        Assert.Equal("target", hit.GetProperty("kind").GetString());
        Assert.Equal("孕产妇死亡率", hit.GetProperty("indicator").GetString());
        Assert.Equal("<=", hit.GetProperty("comparator").GetString());
        Assert.Equal(JsonValueKind.Number, hit.GetProperty("value").ValueKind);
        Assert.Equal(6.5, hit.GetProperty("value").GetDouble());
        Assert.Equal("1/10万", hit.GetProperty("unit").GetString());
        Assert.True(hit.TryGetProperty("year", out _));
        Assert.True(hit.TryGetProperty("indicator_id", out _));
    }

    [Fact]
    public void Csv_has_the_columns_then_total_and_count_rows()
    {
        var (code, output, _) = Search("托育", "--format", "CSV", "--limit", "2");
        Assert.Equal(0, code);
        var rows = output.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", SearchHitsCsv.Columns), rows[0]);
        var total = index.Search("托育", 2).TotalHits;
        Assert.Contains(rows, r => r.StartsWith("total,", StringComparison.Ordinal) && r.EndsWith("," + total, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("by_district,", StringComparison.Ordinal));
        Assert.Equal(2, rows.Count(r => r.StartsWith("item,", StringComparison.Ordinal) || r.StartsWith("target,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Json_stays_the_contract_array()
    {
        var (_, output, _) = Search("托育", "--format", "json", "--limit", "2");
        var array = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        Assert.Equal(2, array.GetArrayLength());
    }

    [Fact]
    public void Offset_pages_through_the_same_ranking()
    {
        var all = index.Search("托育", 6).Hits.Select(h => h.Text).ToList();
        var second = index.Searcher.Search(new SearchRequest("托育") { Limit = 3, Offset = 3 });
        Assert.Equal(all.Skip(3), second.Hits.Select(h => h.Text));
        var (_, text, _) = Search("托育", "--limit", "3", "--offset", "3");
        Assert.StartsWith("4. ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_mode_marks_target_hits_with_their_values()
    {
        var (_, output, _) = Search("--indicator", "孕产妇死亡率");
        Assert.Contains("target: 孕产妇死亡率 <= 6.5/10万", output, StringComparison.Ordinal);
        Assert.Contains("4 matching targets", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "-1")]
    [InlineData("--offset", "-1")]
    [InlineData("--format", "yaml")]
    [InlineData("--plan", "men")]
    public void Bad_usage_exits_2_pointing_at_the_subcommand_help(string option, string value)
    {
        var (code, _, error) = Search("托育", option, value);
        Assert.Equal(2, code);
        Assert.Contains("see 'planextract search --help'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_query_without_a_filter_is_bad_usage()
    {
        var (code, _, error) = Search();
        Assert.Equal(2, code);
        Assert.Contains("--indicator", error, StringComparison.Ordinal);
        Assert.Equal(2, Search("   ").Code);
    }

    [Theory]
    [InlineData("--plan", "Women", "women")]
    [InlineData("--section", "GOAL", "goal")]
    public void Enum_options_ignore_case(string option, string value, string expected)
    {
        var (code, output, _) = Search("托育", option, value, "--format", "Json");
        Assert.Equal(0, code);
        var hits = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(expected, h.GetProperty(option.TrimStart('-')).GetString()));
    }

    [Fact]
    public void Bare_planextract_prints_the_help()
    {
        var (code, output, _) = CliRunner.Run();
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("search", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_output_has_no_colour()
    {
        // CliRunner's writer is not the console: the ** marks stay and no escape code appears.
        var (_, output, _) = Search("托育", "--limit", "1");
        Assert.Contains("**托育**", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }
}
