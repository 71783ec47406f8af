using System.Net;
using System.Text.RegularExpressions;
using PlanExtract.Benchmarking;
using PlanExtract.Corpus;
using PlanExtract.Model;
using PlanExtract.Reporting;
using PlanExtract.Tests.Cli;
using PlanExtract.Web;

namespace PlanExtract.Tests.Web;

/// <summary>
/// The tables pages of a corpus with more districts than one table shows: synthetic plans of
/// 61 districts, 广东省's ~46 (one made-up city each, so split by city) and 广西壮族自治区's ~15
/// (one province table). The pages follow the layout build writes under tables/.
/// </summary>
public sealed partial class CountryTablesPageTests : IClassFixture<CountryTablesPageTests.CountryCorpus>
{
    private const string Guangxi = "广西壮族自治区";
    private const string Guangdong = "广东省";

    private readonly CountryCorpus _corpus;

    public CountryTablesPageTests(CountryCorpus corpus) => _corpus = corpus;

    public sealed class CountryCorpus : IDisposable
    {
        private readonly TempFolder _temp = new();

        public CountryCorpus()
        {
            Root = Path.Combine(_temp.Path, "corpus");
            new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(Root, 61);
            Web = new WebFixture(Root);
            // What build writes from the same records: the layout the pages must follow.
            Built = Path.Combine(_temp.Path, "built");
            CrossReferenceTables.WriteMarkdown(Built, Web.Data.Read, Web.Data.Catalog);
        }

        public string Root { get; }

        public WebFixture Web { get; }

        public string Built { get; }

        public string BuiltTables => Path.Combine(Built, OutputLayout.TablesFolder);

        public void Dispose()
        {
            Web.Dispose();
            _temp.Dispose();
        }
    }

    private SiteData Data => _corpus.Web.Data;

    private CountryLayout Country => Data.Country!;

    [Fact]
    public void The_corpus_is_split_both_ways_as_build_splits_it()
    {
        Assert.NotNull(Data.Country);
        Assert.Contains(Country.Parts, p => p.Province == Guangxi && !p.Split);
        Assert.Contains(Country.Parts, p => p.Province == Guangdong && p.Split);
        foreach (var part in Country.Parts)
        {
            Assert.True(File.Exists(Path.Combine(_corpus.BuiltTables, part.Folder, "women.md")) || File.Exists(Path.Combine(_corpus.BuiltTables, part.Folder, "children.md")), part.Folder);
        }
    }

    [Fact]
    public async Task The_tables_page_shows_the_national_summary_and_the_parts_not_a_table_of_every_district()
    {
        var (status, body) = await _corpus.Web.Get("/tables?plan=women");
        Assert.Equal(200, status);
        Assert.DoesNotContain("<table class=\"cross\"", body);
        Assert.Contains("<table class=\"summary\"", body);

        // One row per indicator of the summary build writes, with the same counts.
        var table = Data.Tables.Single(t => t.Plan == PlanKind.Women);
        var expected = CountryTables.SummaryRows(table, Country.PartOfColumns(table), Data.Catalog).SelectMany(d => d.Rows).ToList();
        var rows = SummaryRow().Matches(body).Select(m => (Indicator: WebUtility.HtmlDecode(m.Groups[1].Value), Districts: int.Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(expected.Select(r => (r.Row.Indicator, r.Districts)), rows);
        Assert.Contains(expected, r => r.Districts > 30);

        // The parts: 广西 is one table, 广东省 a list of its cities.
        Assert.Contains($"<a href=\"/tables?plan=women&amp;part={Uri.EscapeDataString(Guangxi)}\">{Guangxi}</a>", body);
        Assert.Matches($"{Guangdong}</a>（\\d+ 个地区，按市分 \\d+ 张表）", body);
        Assert.Contains("/tables/download?plan=women&amp;format=md", body);
    }

    [Fact]
    public async Task A_province_part_shows_its_districts_as_build_writes_its_table()
    {
        var (status, body) = await _corpus.Web.Get("/tables?plan=women&part=" + Uri.EscapeDataString(Guangxi));
        Assert.Equal(200, status);
        Assert.Contains("<table class=\"cross\"", body);
        var headers = ColumnHeader().Matches(body.Split("</thead>")[0]).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var built = File.ReadAllText(Path.Combine(_corpus.BuiltTables, Guangxi, "women.md"));
        Assert.Equal(MarkdownHeader().Match(built).Groups[1].Value.Split(" | "), headers);
        Assert.InRange(headers.Count, 2, CountryTables.MaxDistrictColumns);
        // Downloads of the part, and a way back to the summary.
        Assert.Contains($"/tables/download?plan=women&amp;part={Uri.EscapeDataString(Guangxi)}&amp;format=xlsx", body);
        Assert.Contains("← 全国汇总", body);
    }

    [Fact]
    public async Task A_split_province_lists_its_cities_and_each_city_is_a_table()
    {
        var (status, body) = await _corpus.Web.Get("/tables?plan=women&part=" + Uri.EscapeDataString(Guangdong));
        Assert.Equal(200, status);
        var cities = CityLink().Matches(body).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToList();
        var expected = Country.Parts.Where(p => p.Province == Guangdong && Country.Columns(Data.Tables.Single(t => t.Plan == PlanKind.Women), Country.Find(p.Folder)).Count > 0).Select(p => p.Folder).ToList();
        Assert.Equal(expected, cities);
        Assert.True(cities.Count > CountryTables.MaxDistrictColumns / 2);

        var (cityStatus, city) = await _corpus.Web.Get("/tables?plan=women&part=" + Uri.EscapeDataString(cities[0]));
        Assert.Equal(200, cityStatus);
        Assert.Contains("<table class=\"cross\"", city);
        Assert.True(File.Exists(Path.Combine(_corpus.BuiltTables, cities[0], "women.md")));
    }

    [Fact]
    public async Task Filters_and_the_measures_view_keep_the_part()
    {
        var part = Uri.EscapeDataString(Guangxi);
        var (status, body) = await _corpus.Web.Get($"/tables?plan=women&part={part}&domain={Uri.EscapeDataString("健康")}");
        Assert.Equal(200, status);
        var domains = DomainRow().Matches(body).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(domains);
        Assert.All(domains, d => Assert.Contains("健康", d));
        Assert.Contains($"<input type=\"hidden\" name=\"part\" value=\"{Guangxi}\">", body);

        var (measuresStatus, measures) = await _corpus.Web.Get($"/tables?plan=women&view=measures&part={part}");
        Assert.Equal(200, measuresStatus);
        var expected = Data.Measures(PlanKind.Women, Country.Find(Guangxi)).Districts.Select(d => d.Name).ToList();
        var headers = ColumnHeader().Matches(measures.Split("</thead>")[0]).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(expected, headers);
        var built = File.ReadAllText(Path.Combine(_corpus.BuiltTables, Guangxi, "measures-women.md"));
        Assert.All(expected, name => Assert.Contains(name, built));

        // The national measures view is the list of parts: build writes no national measures table.
        var (_, national) = await _corpus.Web.Get("/tables?plan=women&view=measures");
        Assert.DoesNotContain("<table class=\"measures\"", national);
        Assert.Contains("分表", national);
    }

    [Fact]
    public async Task Downloads_are_the_summary_and_each_parts_table_as_build_writes_them()
    {
        var summary = await _corpus.Web.Client.GetStringAsync("/tables/download?plan=women&format=md");
        Assert.Equal(WithoutLinks(File.ReadAllText(Path.Combine(_corpus.BuiltTables, "summary-women.md"))), WithoutLinks(summary));

        var part = await _corpus.Web.Client.GetStringAsync("/tables/download?plan=women&format=md&part=" + Uri.EscapeDataString(Guangxi));
        Assert.Equal(WithoutLinks(File.ReadAllText(Path.Combine(_corpus.BuiltTables, Guangxi, "women.md"))), WithoutLinks(part));

        using var xlsx = await _corpus.Web.Client.GetAsync("/tables/download?plan=women&format=xlsx&part=" + Uri.EscapeDataString(Guangxi));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task A_whole_country_xlsx_or_an_unknown_part_is_a_one_line_refusal()
    {
        var (status, body) = await _corpus.Web.Get("/tables/download?plan=women&format=xlsx");
        Assert.Equal(400, status);
        Assert.Contains("全国汇总只有 md 格式", body);

        var (unknown, page) = await _corpus.Web.Get("/tables?plan=women&part=" + Uri.EscapeDataString("火星省"));
        Assert.Equal(404, unknown);
        Assert.Contains("没有“火星省”这一分表", page);
        Assert.DoesNotContain("   at ", page);
    }

    [Fact]
    public void Publish_writes_the_summary_and_every_part_with_no_broken_link()
    {
        using var temp = new TempFolder();
        var site = Path.Combine(temp.Path, "site");
        var (code, _, stderr) = CliRunner.Run("publish", "--out", site, "--corpus", _corpus.Root);
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(site, "summary-women.md")));
        Assert.True(File.Exists(Path.Combine(site, $"women--{Guangxi}.xlsx")));
        Assert.DoesNotContain("<table class=\"cross\"", File.ReadAllText(Path.Combine(site, "tables-women.html")));
        Assert.Contains("<table class=\"cross\"", File.ReadAllText(Path.Combine(site, $"tables-women--{Guangxi}.html")));

        var broken = new List<string>();
        foreach (var page in Directory.GetFiles(site, "tables-*.html").Concat(Directory.GetFiles(site, "measures-*.html")).Concat(Directory.GetFiles(site, "indicator-*.html")))
        {
            foreach (var href in PageLink().Matches(File.ReadAllText(page)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            {
                var file = href.Split('#')[0];
                if (file.Length > 0 && !File.Exists(Path.Combine(site, Uri.UnescapeDataString(file))))
                {
                    broken.Add($"{Path.GetFileName(page)} → {href}");
                }
            }
        }

        Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken.Distinct().Take(20)));
    }

    [Fact]
    public async Task The_unfiltered_summaries_are_made_as_the_site_starts_and_serve_the_page_and_the_md()
    {
        await Data.SummariesMade.WaitAsync(TimeSpan.FromMinutes(2));
        var table = Data.Tables.Single(t => t.Plan == PlanKind.Women);
        var kept = Data.Summary(PlanKind.Women, TableFilter.None, table);
        // The same rows each time (made once), and the rows CountryTables makes.
        Assert.Same(kept, Data.Summary(PlanKind.Women, TableFilter.None, table));
        var made = CountryTables.SummaryRows(table, Country.PartOfColumns(table), Data.Catalog).ToList();
        Assert.Equal(made.Select(d => (d.Domain.Domain, d.Rows.Select(r => (r.Row.Indicator, r.Districts, r.Spread)).ToList())).Select(x => x.Domain + string.Join(";", x.Item2)),
            kept.Select(d => (d.Domain.Domain, d.Rows.Select(r => (r.Row.Indicator, r.Districts, r.Spread)).ToList())).Select(x => x.Domain + string.Join(";", x.Item2)));

        // The md from the kept rows is the md made from scratch.
        var (status, md) = await _corpus.Web.Get("/tables/download?plan=women&format=md");
        Assert.Equal(200, status);
        Assert.Equal(CountryTables.Summary(table, Country.PartOfColumns(table), Data.Catalog, Data.LinkFolder), md);
        // A filtered summary is its own.
        var filtered = Data.Table(PlanKind.Women, new TableFilter(Domain: "健康"))!;
        Assert.NotSame(kept, Data.Summary(PlanKind.Women, new TableFilter(Domain: "健康"), filtered));
    }

    [Theory]
    [InlineData("健康", null)]
    [InlineData(null, "率")]
    [InlineData("健康", "率")]
    public async Task A_filtered_summary_is_picked_from_the_whole_ones_rows_and_is_the_summary_of_the_table_built_with_the_filter(string? domain, string? indicator)
    {
        await Data.SummariesMade.WaitAsync(TimeSpan.FromMinutes(2));
        var filter = new TableFilter(domain, indicator);
        var built = CrossTableBuilder.Build(Data.Read, PlanKind.Women, Data.Catalog, filter);
        Assert.NotEmpty(built.Domains);
        var query = (domain is null ? string.Empty : "&domain=" + Uri.EscapeDataString(domain)) + (indicator is null ? string.Empty : "&indicator=" + Uri.EscapeDataString(indicator));

        // The md download and the page's rows are those made from scratch.
        var (status, md) = await _corpus.Web.Get("/tables/download?plan=women&format=md" + query);
        Assert.Equal(200, status);
        Assert.Equal(CountryTables.Summary(built, Country.PartOfColumns(built), Data.Catalog, Data.LinkFolder), md);
        var (pageStatus, page) = await _corpus.Web.Get("/tables?plan=women" + query);
        Assert.Equal(200, pageStatus);
        var fromScratch = CountryTables.SummaryRows(built, Country.PartOfColumns(built), Data.Catalog).SelectMany(d => d.Rows).ToList();
        Assert.All(fromScratch, r => Assert.Contains(System.Net.WebUtility.HtmlEncode(r.Row.Indicator), page));

        // Not made again: the whole summary's own rows, for the whole table's own rows.
        var whole = Data.Summary(PlanKind.Women, TableFilter.None, Data.Tables.Single(t => t.Plan == PlanKind.Women)).SelectMany(d => d.Rows).ToList();
        var picked = Data.Summary(PlanKind.Women, filter, Data.Table(PlanKind.Women, filter)!);
        Assert.Equal(fromScratch.Select(Said), picked.SelectMany(d => d.Rows).Select(Said));
        Assert.All(picked.SelectMany(d => d.Rows), r => Assert.Contains(r, whole, ReferenceEqualityComparer.Instance));
    }

    // What a summary row says: its cells' values compare by text and line (each table has its own value objects).
    private static string Said(SummaryRow r) =>
        $"{r.Row.Indicator} {r.Districts} {string.Join("、", r.Provinces.Select(p => p.Folder))} "
        + (r.Spread is not { } s ? "-" : $"{s.Unit} {s.Min} {s.Median} {s.Max} {s.Strictest.Column}:{s.Strictest.Value.Text}@{s.Strictest.Value.Line} {s.Loosest.Column}:{s.Loosest.Value.Text}@{s.Loosest.Value.Line}");

    [Fact]
    public async Task At_country_scale_the_warm_up_also_asks_for_a_parts_pages_and_the_summary_and_each_answers()
    {
        var report = await _corpus.Web.WarmedUp.WaitAsync(TimeSpan.FromMinutes(2));
        WarmUpTests.AssertWarmedUp(report);
        Assert.Contains(report.Pages, p => p.Path.StartsWith("/tables?", StringComparison.Ordinal) && p.Path.Contains("&part=", StringComparison.Ordinal));
        Assert.Contains(report.Pages, p => p.Path.StartsWith("/tables/download?", StringComparison.Ordinal) && p.Path.Contains("&part=", StringComparison.Ordinal) && p.Path.EndsWith("format=xlsx", StringComparison.Ordinal));
        Assert.Contains(report.Pages, p => p.Path.StartsWith("/indicator/", StringComparison.Ordinal) && p.Path.EndsWith("?page=2", StringComparison.Ordinal));
    }

    /// <summary>The catalog indicator the most districts state: more than a page of bars can show.</summary>
    private (string Id, IReadOnlyList<PlanExtract.Web.Pages.IndicatorValue> Values) WidestIndicator()
    {
        var (id, values) = Data.IndicatorIds
            .Select(i => (Id: i, Values: PlanExtract.Web.Pages.IndicatorPage.Values(Data, i, Data.Catalog.Find(i))))
            .MaxBy(x => x.Values.Select(v => v.District.Name).Distinct().Count());
        Assert.True(values.Select(v => v.District.Name).Distinct().Count() > PlanExtract.Web.Pages.IndicatorPage.MostBarsDrawn, id);
        return (id, values);
    }

    [Fact]
    public async Task An_indicator_of_more_districts_than_bars_shows_the_distribution_and_lists_the_values_in_order()
    {
        var (id, values) = WidestIndicator();
        var (status, body) = await _corpus.Web.Get("/indicator/" + Uri.EscapeDataString(id));
        Assert.Equal(200, status);
        Assert.DoesNotContain("<svg class=\"bars\"", body);
        Assert.Contains("<svg class=\"histogram\"", body);

        // The spread of the first unit's numbers, as the summary writes numbers.
        var unit = values.First(v => v.Number is not null).Unit;
        var numbers = values.Where(v => v.Number is not null && v.Unit == unit).Select(v => v.Number!.Value).Order().ToList();
        var median = numbers.Count % 2 == 1 ? numbers[numbers.Count / 2] : (numbers[numbers.Count / 2 - 1] + numbers[numbers.Count / 2]) / 2;
        Assert.Contains($"{numbers.Count} 个数值 · 最小值 {CountryTables.Number(numbers[0])} · 中位数 {CountryTables.Number(median)} · 最大值 {CountryTables.Number(numbers[^1])}", WebUtility.HtmlDecode(body));
        // The histogram's columns count every number once.
        var histogram = body[body.IndexOf("<svg class=\"histogram\"", StringComparison.Ordinal)..];
        histogram = histogram[..histogram.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.Equal(numbers.Count, HistogramCount().Matches(histogram).Sum(m => int.Parse(m.Groups[1].Value)));
        // The strictest is the first in the list's order, the loosest the last of that unit.
        var strictest = Regex.Match(body, "<p class=\"extremes\">最严：<a href=\"/district/([^\"]+)\">").Groups[1].Value;
        Assert.Equal(values.First(v => v.Number is not null && v.Unit == unit).District.Document.Id, Uri.UnescapeDataString(strictest));
        var loosest = Regex.Match(body, "<p class=\"extremes\">最宽：<a href=\"/district/([^\"]+)\">").Groups[1].Value;
        Assert.Equal(values.Last(v => v.Number is not null && v.Unit == unit).District.Document.Id, Uri.UnescapeDataString(loosest));

        // Every value listed (fewer than a page here), in the page's order.
        var rows = ValueRow().Matches(body).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToList();
        Assert.Equal(values.Take(PlanExtract.Web.Pages.IndicatorPage.ValuesPerPage).Select(v => v.District.Document.Id), rows);
    }

    [Fact]
    public void The_values_of_a_country_scale_indicator_come_a_page_at_a_time_with_links_both_ways()
    {
        var (id, values) = WidestIndicator();
        const int perPage = 20;
        var pages = (values.Count + perPage - 1) / perPage;
        Assert.True(pages >= 3, $"{values.Count} values");
        var links = new ServerLinks();
        var seen = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var body = PlanExtract.Web.Pages.IndicatorPage.Render(Data, links, id, page, perPage).Html;
            Assert.Contains($"第 {page}/{pages} 页", body);
            seen.AddRange(ValueRow().Matches(body).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)));
            Assert.Equal(page > 1, body.Contains($"href=\"{Html.Attr(links.Indicator(id, page - 1))}\" class=\"previous\"", StringComparison.Ordinal));
            Assert.Equal(page < pages, body.Contains($"href=\"{Html.Attr(links.Indicator(id, page + 1))}\" class=\"next\"", StringComparison.Ordinal));
        }

        // The pages together are the whole list, in order, each value once.
        Assert.Equal(values.Select(v => v.District.Document.Id), seen);
        // A page past the last is the last; page 2's link is ?page=2 and page 1's the bare address.
        Assert.Contains($"第 {pages}/{pages} 页", PlanExtract.Web.Pages.IndicatorPage.Render(Data, links, id, pages + 5, perPage).Html);
        Assert.Equal("/indicator/" + Uri.EscapeDataString(id) + "?page=2", links.Indicator(id, 2));
        Assert.Equal(links.Indicator(id), links.Indicator(id, 1));
    }

    [Theory]
    [InlineData("?page=2")]
    [InlineData("?page=0")]
    [InlineData("?page=-3")]
    [InlineData("?page=abc")]
    public async Task A_page_out_of_range_or_not_a_number_is_the_nearest_page_not_an_error(string query)
    {
        var (id, values) = WidestIndicator();
        var (status, body) = await _corpus.Web.Get("/indicator/" + Uri.EscapeDataString(id) + query);
        Assert.Equal(200, status);
        var pages = (values.Count + PlanExtract.Web.Pages.IndicatorPage.ValuesPerPage - 1) / PlanExtract.Web.Pages.IndicatorPage.ValuesPerPage;
        Assert.Contains(query == "?page=2" ? $"第 {Math.Min(2, pages)}/{pages} 页" : $"第 1/{pages} 页", body);
    }

    // Build's links start at its tables folder, the web view's at the corpus's parent: the rest is the same file.
    private static string WithoutLinks(string markdown) => MarkdownLink().Replace(markdown, "]()");

    [GeneratedRegex("<tr><td>(?:<a href=\"[^\"]*\">)?([^<]+?)(?: " + Marks.NotInCatalog + ")?(?:</a>)?</td><td class=\"num\">(\\d+)</td>")]
    private static partial Regex SummaryRow();

    [GeneratedRegex("<th><a href=\"/district/[^\"]+\">([^<]+)</a></th>")]
    private static partial Regex ColumnHeader();

    [GeneratedRegex(@"^\| 指标 \| (.+) \|$", RegexOptions.Multiline)]
    private static partial Regex MarkdownHeader();

    [GeneratedRegex("<li><a href=\"/tables\\?plan=women&amp;part=([^\"&]+)\">")]
    private static partial Regex CityLink();

    [GeneratedRegex("<tr><th colspan=\"\\d+\">([^<]+)</th></tr>")]
    private static partial Regex DomainRow();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("<title>[^<：]*：(\\d+) 个</title></rect>")]
    private static partial Regex HistogramCount();

    [GeneratedRegex("<tr><td><a href=\"/district/([^\"]+)\">")]
    private static partial Regex ValueRow();

    [GeneratedRegex("(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex PageLink();
}
