using System.Globalization;
using System.Text.RegularExpressions;
using PlanExtract.Benchmarking;
using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Reporting;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Reporting;

/// <summary>
/// The tables of a corpus too large for one table, on a synthetic corpus of twelve districts with
/// the threshold lowered to four: 广东省's nine districts (one per made-up city) split by city,
/// 广西壮族自治区's three make one province table.
/// </summary>
public sealed partial class CountryTablesTests : IClassFixture<CountryTablesTests.SplitCorpus>
{
    private const int Threshold = 4;

    private readonly SplitCorpus _corpus;

    public CountryTablesTests(SplitCorpus corpus) => _corpus = corpus;

    public sealed class SplitCorpus : IDisposable
    {
        private readonly TempFolder _temp = new();

        public SplitCorpus()
        {
            Root = Path.Combine(_temp.Path, "corpus");
            new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(Root, 12);
            Results = new CorpusReader(Pipeline.ForCorpus(Root)).ReadAll(new CorpusLayout(Root));
            Catalog = IndicatorCatalog.ForCorpus(Root) ?? IndicatorCatalog.Empty;
            Output = Path.Combine(_temp.Path, "output");
            CrossReferenceTables.WriteMarkdown(Output, Results, Catalog, Threshold);
        }

        public string Root { get; }

        public string Output { get; }

        public string Tables => Path.Combine(Output, OutputLayout.TablesFolder);

        public IReadOnlyList<DocumentResult> Results { get; }

        public IndicatorCatalog Catalog { get; }

        public void Dispose() => _temp.Dispose();
    }

    [Theory]
    [InlineData(PlanKind.Women)]
    [InlineData(PlanKind.Children)]
    public void Each_district_is_a_column_of_its_province_or_city_table_and_nowhere_else(PlanKind plan)
    {
        var name = plan.ToContractName();
        var national = CrossTableBuilder.Build(_corpus.Results, plan, _corpus.Catalog);
        var perProvince = national.Districts.GroupBy(d => Region.Of(d.Document).Province).ToDictionary(g => g.Key, g => g.Count());
        // Both ways of splitting are exercised, or the test says nothing about one of them.
        Assert.Contains(perProvince.Values, n => n > Threshold);
        Assert.Contains(perProvince.Values, n => n <= Threshold);

        var expected = national.Districts
            .GroupBy(d => Region.Of(d.Document) is var r && perProvince[r.Province] > Threshold ? Path.Combine(r.Province, r.City ?? string.Empty) : r.Province)
            .ToDictionary(g => Path.Combine(_corpus.Tables, g.Key, name + ".md"), g => g.Select(d => d.Name).ToList());
        var written = Directory.EnumerateFiles(_corpus.Tables, name + ".md", SearchOption.AllDirectories).ToList();
        Assert.Equal(expected.Keys.Order(), written.Order());
        foreach (var (file, districts) in expected)
        {
            var text = File.ReadAllText(file);
            var headers = HeaderRow().Matches(text).Select(m => m.Groups[1].Value.Split(" | ")).ToList();
            Assert.NotEmpty(headers);
            // A domain's section shows every district of the part: a column per district, in corpus order.
            Assert.All(headers, h => Assert.Equal(districts, h));
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, $"measures-{name}.md")));
        }

        Assert.False(File.Exists(Path.Combine(_corpus.Tables, name + ".md")));
        Assert.True(File.Exists(Path.Combine(_corpus.Tables, CountryTables.SummaryPrefix + name + ".md")));
    }

    [Theory]
    [InlineData(PlanKind.Women)]
    [InlineData(PlanKind.Children)]
    public void The_summary_spread_is_what_the_long_rows_give(PlanKind plan)
    {
        var national = CrossTableBuilder.Build(_corpus.Results, plan, _corpus.Catalog);
        // Per catalog indicator and district, the first long row that sets a level with a number.
        var levels = TargetRows.Of(national).Where(r => r.Target.IndicatorId is not null)
            .GroupBy(r => r.Target.IndicatorId!)
            .ToDictionary(g => g.Key, g => (Districts: g.Select(r => r.District).Distinct().Count(), First: g.Where(r => Spread.IsLevel(r.Target)).GroupBy(r => r.District).Select(d => d.First().Target).ToList()));

        var rows = SummaryRows(File.ReadAllText(Path.Combine(_corpus.Tables, CountryTables.SummaryPrefix + plan.ToContractName() + ".md")));
        var checkedSpreads = 0;
        foreach (var (id, (districts, first)) in levels)
        {
            var row = rows.First(r => r[0] == id);
            Assert.Equal(districts.ToString(CultureInfo.InvariantCulture), row[1]);
            if (first.Count == 0)
            {
                Assert.Equal(string.Empty, row[3]);
                continue;
            }

            var unit = first.GroupBy(t => t.Unit).OrderByDescending(g => g.Count()).First().Key;
            var numbers = first.Where(t => t.Unit == unit).Select(t => double.Parse(t.Value!, CultureInfo.InvariantCulture)).Order().ToList();
            var median = numbers.Count % 2 == 1 ? numbers[numbers.Count / 2] : (numbers[(numbers.Count / 2) - 1] + numbers[numbers.Count / 2]) / 2;
            Assert.Equal(unit ?? string.Empty, row[2]);
            Assert.Equal(numbers[0], double.Parse(row[3], CultureInfo.InvariantCulture), 4);
            Assert.Equal(median, double.Parse(row[4], CultureInfo.InvariantCulture), 4);
            Assert.Equal(numbers[^1], double.Parse(row[5], CultureInfo.InvariantCulture), 4);
            checkedSpreads++;
        }

        // The synthesizer nudges rates, so most indicators have a spread worth checking.
        Assert.True(checkedSpreads >= 5, $"only {checkedSpreads} indicators with levels");
    }

    [Fact]
    public void Every_link_of_the_split_tables_and_the_summaries_resolves()
    {
        var files = Directory.EnumerateFiles(_corpus.Tables, "*.md", SearchOption.AllDirectories).ToList();
        var links = 0;
        foreach (var file in files)
        {
            foreach (Match m in Link().Matches(File.ReadAllText(file)))
            {
                var target = Uri.UnescapeDataString(m.Groups[1].Value);
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{file}: {target}");
                if (m.Groups[2].Success)
                {
                    Assert.InRange(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), 1, File.ReadLines(path).Count());
                }

                links++;
            }
        }

        Assert.True(links > 100, $"{links} links");
    }

    [Fact]
    public void Under_the_threshold_the_four_files_are_the_one_table_and_the_split_is_gone()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "output");
        CrossReferenceTables.WriteMarkdown(output, _corpus.Results, _corpus.Catalog, Threshold);
        Assert.NotEmpty(Directory.EnumerateDirectories(Path.Combine(output, OutputLayout.TablesFolder)));

        CrossReferenceTables.WriteMarkdown(output, _corpus.Results, _corpus.Catalog);
        var tables = Path.Combine(output, OutputLayout.TablesFolder);
        Assert.Empty(Directory.EnumerateDirectories(tables));
        Assert.Equal(
            ["children.md", "measures-children.md", "measures-women.md", "women.md"],
            Directory.EnumerateFiles(tables).Select(Path.GetFileName).Order());
        Assert.Equal(
            MarkdownCrossTable.Write([CrossTableBuilder.Build(_corpus.Results, PlanKind.Women, _corpus.Catalog)], tables),
            File.ReadAllText(Path.Combine(tables, "women.md")));
    }

    [Fact]
    public void Past_the_threshold_the_one_table_files_are_gone()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "output");
        var tables = Path.Combine(output, OutputLayout.TablesFolder);
        CrossReferenceTables.WriteMarkdown(output, _corpus.Results, _corpus.Catalog);
        Assert.True(File.Exists(Path.Combine(tables, "women.md")));

        CrossReferenceTables.WriteMarkdown(output, _corpus.Results, _corpus.Catalog, Threshold);
        Assert.Equal(
            [CountryTables.SummaryPrefix + "children.md", CountryTables.SummaryPrefix + "women.md"],
            Directory.EnumerateFiles(tables).Select(Path.GetFileName).Order());
        Assert.Equal(
            Directory.EnumerateFiles(_corpus.Tables, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_corpus.Tables, f)).Order(),
            Directory.EnumerateFiles(tables, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(tables, f)).Order());
    }

    [Fact]
    public void Province_filter_keeps_exactly_the_long_rows_of_that_province()
    {
        var all = CliRunner.Run("table", "--corpus", _corpus.Root, "--layout", "long");
        var guangxi = CliRunner.Run("table", "--corpus", _corpus.Root, "--layout", "long", "--province", "广西壮族自治区");
        Assert.Equal(0, all.Code);
        Assert.Equal(0, guangxi.Code);
        var expected = LongRows(all.Out).Where(l => l.StartsWith("| 广西壮族自治区 |", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, LongRows(guangxi.Out));
        Assert.Contains("省“广西壮族自治区”", guangxi.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void City_filter_on_the_real_corpus_keeps_the_city_and_its_districts_with_their_marks()
    {
        var all = CliRunner.Run("table", "--corpus", RepoPaths.Corpus, "--plan", "women");
        var city = CliRunner.Run("table", "--corpus", RepoPaths.Corpus, "--plan", "women", "--city", "清远市");
        Assert.Equal(0, city.Code);
        var expected = CrossTableBuilder.Columns(CorpusResults.All, PlanKind.Women)
            .Where(d => d.Document.Metadata.City == "清远市").Select(d => d.Name).ToList();
        Assert.Equal(["清远市", "清远市清城区"], expected);
        Assert.All(HeaderRow().Matches(city.Out), m => Assert.Equal(expected, m.Groups[1].Value.Split(" | ")));
        // 清城区's ▲●▼ against 清远市 are the ones the whole table gives.
        Assert.Equal(CountMarks(all.Out, "▲"), CountMarks(city.Out, "▲"));
    }

    [Fact]
    public void A_province_no_district_is_in_is_bad_input()
    {
        var run = CliRunner.Run("table", "--corpus", RepoPaths.Corpus, "--province", "广东");
        Assert.Equal(1, run.Code);
        // A stale output/ of the repository adds a note that the plans were read: not part of the error.
        Assert.Equal($"error: {RepoPaths.Corpus}: no indicator matches --province 广东\n", string.Concat(run.Err.Split('\n').Where(l => !l.StartsWith("note: ", StringComparison.Ordinal)).Select(l => l + "\n"))[..^1]);
    }

    private static int CountMarks(string text, string mark) => text.Split(mark).Length - 1;

    private static List<string> LongRows(string text) =>
        [.. text.Split('\n').SkipWhile(l => !l.StartsWith("| province |", StringComparison.Ordinal)).Skip(2).Where(l => l.StartsWith('|'))];

    private static List<string[]> SummaryRows(string text) =>
        [.. text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| 指标 |", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())];

    [GeneratedRegex(@"^\| 指标 \| (.+) \|$", RegexOptions.Multiline)]
    private static partial Regex HeaderRow();

    // A relative link: "](../../corpus/…/plans.txt#L12)" or "](广东省/women.md)"; not a web address.
    [GeneratedRegex(@"\]\((?!https?:)([^)#]+)(?:#L(\d+))?\)")]
    private static partial Regex Link();
}
