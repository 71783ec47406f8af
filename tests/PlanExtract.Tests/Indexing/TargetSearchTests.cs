using System.Globalization;
using System.Text.Json;
using PlanExtract.Indexing;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Indexing;

/// <summary>Targets as data (issue 13): filters on indicator, value as a number, unit, comparator and year.</summary>
public sealed class TargetSearchTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    private sealed record Row(string Source, int? Line, string Indicator, string Comparator, string? Value, string? Unit, int? Year);

    // output/targets.jsonl is kept fresh by CommittedOutputTests, so it is the corpus's targets.
    private static List<Row> Committed() =>
    [
        .. File.ReadLines(Path.Combine(RepoPaths.Root, "output", "targets.jsonl")).Select(l =>
        {
            var t = JsonDocument.Parse(l).RootElement;
            string? S(string key) => t.GetProperty(key).ValueKind == JsonValueKind.Null ? null : t.GetProperty(key).GetString();
            int? I(string key) => t.GetProperty(key).ValueKind == JsonValueKind.Null ? null : t.GetProperty(key).GetInt32();
            return new Row(S("source")!, I("line"), S("indicator")!, S("comparator")!, S("value"), S("unit"), I("year"));
        }),
    ];

    private static double? Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private List<Row> Found(SearchRequest request) =>
    [
        .. index.Searcher.Search(request with { Limit = 10_000 }).Hits.Select(h =>
            new Row(h.Source, h.Line, h.Target!.Indicator, h.Target.Comparator, h.Target.Value, h.Target.Unit, h.Target.Year)),
    ];

    private static string[] Keys(IEnumerable<Row> rows) => [.. rows.Select(r => r.ToString()).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("5..10")]
    [InlineData("<=10")]
    [InlineData(">=95")]
    [InlineData("1..2")]
    [InlineData("<1")]
    [InlineData("8")]
    public void Value_range_returns_exactly_the_committed_targets_in_range(string written)
    {
        var range = ValueRange.Parse(written)!;
        var expected = Committed().Where(r => Number(r.Value) is { } v && range.Contains(v)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(Keys(expected), Keys(Found(new SearchRequest(string.Empty) { Value = range })));
    }

    [Fact]
    public void Value_range_in_the_query_syntax_compares_numbers()
    {
        // value:[1 TO 2] compared strings and returned 15 and 100.
        var hits = index.Search("value:[1 TO 2]", 1000).Hits;
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.InRange(double.Parse(h.Target!.Value!, CultureInfo.InvariantCulture), 1, 2));

        // The query syntax shows one hit per item; every committed target in range has its item among them.
        var items = index.Search("value:[5 TO 10]", 1000).Hits.Select(h => (h.Source, h.Line)).ToHashSet();
        Assert.All(Committed().Where(r => Number(r.Value) is >= 5 and <= 10), r => Assert.Contains((r.Source, r.Line), items));
    }

    [Fact]
    public void Unit_comparator_and_year_filter_like_the_records()
    {
        var expected = Committed().Where(r => r.Unit == "‰" && r.Comparator == "<=").ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(Keys(expected), Keys(Found(new SearchRequest(string.Empty) { Unit = "‰", Comparator = "<=" })));

        // No target of this corpus states its year (the plans run to 2030 and say so once, in the title).
        Assert.Equal(Keys(Committed().Where(r => r.Year == 2030)), Keys(Found(new SearchRequest(string.Empty) { Year = 2030 })));
    }

    [Fact]
    public void Indicator_alone_lists_one_row_per_district_ordered_by_value()
    {
        // The goals: 宝安区 6.5/10万, 清远市 and 清城区 8/10万, 荔浦市 12/10万.
        var (code, output, _) = CliRunner.Run("search", "--indicator", "孕产妇死亡率", "--index", index.IndexFolder, "--format", "jsonl");
        Assert.Equal(0, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var hits = rows.Where(r => r.GetProperty("kind").GetString() == "target").ToList();
        Assert.Equal(["深圳市宝安区", "清远市", "清远市清城区", "桂林市荔浦市"], hits.Select(h => h.GetProperty("district").GetString()));
        Assert.Equal([6.5, 8, 8, 12], hits.Select(h => h.GetProperty("value").GetDouble()));
        Assert.All(hits, h => Assert.Equal("1/10万", h.GetProperty("unit").GetString()));
        Assert.All(hits, h => Assert.Equal("goal", h.GetProperty("section").GetString()));
        Assert.Equal(4, rows[^1].GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("5..10", 5.0, 10.0, true, true)]
    [InlineData("<=10", null, 10.0, true, true)]
    [InlineData(">=95", 95.0, null, true, true)]
    [InlineData("<8", null, 8.0, true, false)]
    [InlineData(">0.5", 0.5, null, false, true)]
    [InlineData("≤8", null, 8.0, true, true)]
    [InlineData("8", 8.0, 8.0, true, true)]
    [InlineData("..3", null, 3.0, true, true)]
    public void Value_ranges_as_people_write_them(string written, double? min, double? max, bool minInclusive, bool maxInclusive) =>
        Assert.Equal(new ValueRange(min, max, minInclusive, maxInclusive), ValueRange.Parse(written));

    [Theory]
    [InlineData("abc")]
    [InlineData("5..x")]
    [InlineData("..")]
    [InlineData("")]
    public void Value_that_is_not_a_range_is_bad_usage(string written)
    {
        Assert.Null(ValueRange.Parse(written));
        var (code, _, error) = CliRunner.Run("search", "--value", written, "--index", index.IndexFolder);
        Assert.Equal(2, code);
        Assert.Contains("planextract search --help", error, StringComparison.Ordinal);
    }
}
