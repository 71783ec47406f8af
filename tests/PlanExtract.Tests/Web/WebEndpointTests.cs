using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PlanExtract.Corpus;
using PlanExtract.Model;
using PlanExtract.Reporting;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Web;

/// <summary>
/// The web view's pages over the repository's corpus, through HTTP on a loopback port. Expected
/// values are the ones the README and output/tables/women.md show for the four documents.
/// </summary>
public sealed partial class WebEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Qingyuan = "广东省_清远市";
    private const string Qingcheng = "广东省_清远市_清城区";

    [Fact]
    public async Task Home_lists_every_district_and_links_to_its_page()
    {
        var (status, body) = await web.Get("/");
        Assert.Equal(200, status);
        foreach (var name in new[] { "深圳市宝安区", "清远市", "清远市清城区", "桂林市荔浦市" })
        {
            Assert.Contains($">{name}</a>", body);
        }

        Assert.Contains("href=\"/district/" + Uri.EscapeDataString(Qingcheng) + "\"", body);
    }

    [Fact]
    public async Task Search_shows_the_hits_the_command_line_shows_with_facet_counts_that_filter()
    {
        // README: `planextract search 普惠性幼儿园 --plan children` finds 3 items, one per district.
        var (status, body) = await web.Get("/search?q=" + Uri.EscapeDataString("普惠性幼儿园") + "&plan=children");
        Assert.Equal(200, status);
        Assert.Contains("共 3 条匹配", body);
        Assert.Equal(3, Hits().Matches(body).Count);
        Assert.Contains("<mark>普惠性幼儿园</mark>", body);
        Assert.Contains("value=\"普惠性幼儿园\"", body);

        var facet = FacetLink().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).First(l => l.Contains("district=", StringComparison.Ordinal));
        var (_, filtered) = await web.Get(facet);
        Assert.Contains("共 1 条匹配", filtered);
        Assert.Single(Hits().Matches(filtered));
    }

    [Fact]
    public async Task A_target_hit_shows_indicator_comparator_value_and_unit_and_links_to_its_line()
    {
        var (_, body) = await web.Get("/search?q=" + Uri.EscapeDataString("孕产妇死亡率") + "&district=" + Uri.EscapeDataString("清远市"));
        Assert.Contains("href=\"/indicator/" + Uri.EscapeDataString("孕产妇死亡率") + "\"", body);
        Assert.Contains("<b>≤8/10万</b>", body);
        Assert.Contains("比较 &lt;=，数值 8，单位 1/10万", body);
        Assert.Contains("href=\"/source/" + Uri.EscapeDataString(Qingyuan) + "?line=26#L26\"", body);
    }

    [Fact]
    public async Task Search_pages_twenty_hits_at_a_time_and_keeps_the_query_in_the_address()
    {
        var (_, first) = await web.Get("/search?q=" + Uri.EscapeDataString("妇女"));
        Assert.Equal(20, Hits().Matches(first).Count);
        Assert.Contains("page=2", first);
        var (_, second) = await web.Get("/search?q=" + Uri.EscapeDataString("妇女") + "&page=2");
        Assert.Contains("显示第 21–", second);
        Assert.Contains("<ol class=\"hits\" start=\"21\">", second);
    }

    [Fact]
    public async Task Page_three_shows_the_hits_forty_one_to_sixty_of_one_search()
    {
        // Paged through the searcher's offset: the page holds exactly what one search for sixty
        // hits ranks 41st to 60th, in that order.
        var sixty = web.Data.Searcher!.Search(new PlanExtract.Indexing.SearchRequest("妇女") { Limit = 60 }).Hits.Skip(40).ToList();
        var (_, third) = await web.Get("/search?q=" + Uri.EscapeDataString("妇女") + "&page=3");
        var shown = SourceLinks().Matches(third).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.Equal(20, sixty.Count);
        Assert.Equal(sixty.Select(h => "/source/" + Uri.EscapeDataString(web.Data.DocumentOf(h.Source)!.Document.Id) + (h.Line is { } l ? $"?line={l}#L{l}" : $"#P{h.Page}")), shown);
        Assert.Contains("<ol class=\"hits\" start=\"41\">", third);
    }

    [Fact]
    public async Task A_filter_the_index_cannot_meet_is_a_400_page_naming_the_districts_it_holds()
    {
        var (status, body) = await web.Get("/search?q=" + Uri.EscapeDataString("健康") + "&district=" + Uri.EscapeDataString("北京"));
        Assert.Equal(400, status);
        Assert.Contains("无法检索", body);
        Assert.Contains("清远市清城区", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task The_womens_table_links_each_value_to_its_source_line_with_the_parent_mark()
    {
        var (status, body) = await web.Get("/tables?plan=women&indicator=" + Uri.EscapeDataString("孕产妇死亡率"));
        Assert.Equal(200, status);
        // output/tables/women.md: | 孕产妇死亡率 | ≤6.5/10万 (宝安 L79) | ≤8/10万 (清远 L26) | ≤8/10万 ● (清城 L93) | ≤12/10万 (荔浦 L61) |
        Assert.Contains("href=\"/source/" + Uri.EscapeDataString(Qingyuan) + "?line=26#L26\" class=\"v\">≤8/10万</a>", body);
        Assert.Contains("href=\"/source/" + Uri.EscapeDataString(Qingcheng) + "?line=93#L93\" class=\"v\">≤8/10万</a><span class=\"mark\"> ●</span>", body);
        Assert.Contains("≤6.5/10万", body);
        Assert.Contains("≤12/10万", body);
        Assert.DoesNotContain("人均健康预期寿命", body);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("csv")]
    public async Task A_text_download_is_byte_for_byte_what_the_table_writer_gives(string format)
    {
        var bytes = await web.Client.GetByteArrayAsync($"/tables/download?plan=women&domain={Uri.EscapeDataString("健康")}&format={format}");
        var table = CrossTableBuilder.Build(web.Data.Read, PlanKind.Women, web.Data.Catalog, new TableFilter("健康"));
        using var expected = new MemoryStream();
        CrossTableWriters.For(format).Write([table], expected, new CrossTableWriteOptions(Path.GetDirectoryName(RepoPaths.Corpus)!));
        Assert.Equal(expected.ToArray(), bytes);
    }

    [Theory]
    [InlineData("xlsx", "xl/workbook.xml")]
    [InlineData("docx", "word/document.xml")]
    public async Task An_office_download_is_a_package_with_its_main_part(string format, string part)
    {
        using var response = await web.Client.GetAsync($"/tables/download?plan=children&format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry(part));
    }

    [Fact]
    public async Task The_measures_table_aligns_measures_and_links_them()
    {
        var (status, body) = await web.Get("/tables?plan=women&view=measures&domain=" + Uri.EscapeDataString("健康"));
        Assert.Equal(200, status);
        Assert.Contains("策略措施对照表", body);
        Assert.Contains(MarkdownMeasures.CountRow, body);
        Assert.Contains("href=\"/source/", body);
    }

    [Fact]
    public async Task The_indicator_page_sorts_districts_lowest_first_for_a_rate_to_lower_and_draws_a_bar_each()
    {
        var (status, body) = await web.Get("/indicator/" + Uri.EscapeDataString("孕产妇死亡率"));
        Assert.Equal(200, status);
        var table = body[body.IndexOf("<table class=\"values\"", StringComparison.Ordinal)..];
        var order = new[] { "深圳市宝安区", "清远市</a>", "清远市清城区", "桂林市荔浦市" }.Select(n => table.IndexOf(">" + n, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order().ToList(), order);
        Assert.Equal(4, Regex.Count(body, "<rect "));
        Assert.Contains("● 同清远市", body);
    }

    [Fact]
    public async Task The_source_view_highlights_the_item_of_the_line_and_shows_its_targets()
    {
        var (status, body) = await web.Get($"/source/{Uri.EscapeDataString(Qingyuan)}?line=26");
        Assert.Equal(200, status);
        Assert.Matches("<div class=\"l hit\" id=\"L26\" data-item=\"i\\d+\"><a href=\"#L26\" class=\"n\">26</a><span>2. 孕产妇死亡率下降到 8/10 万以下", body);
        Assert.Single(Regex.Matches(body, "class=\"l hit\""));
        var shown = Regex.Match(body, "<section class=\"targets\" id=\"t-i\\d+\">(.*?)</section>").Groups[1].Value;
        Assert.Contains("≤8/10万", shown);
        Assert.Contains("<div class=\"l\" id=\"L25\"", body);
    }

    [Fact]
    public async Task The_district_page_names_its_parent_and_counts_its_domains()
    {
        var (status, body) = await web.Get("/district/" + Uri.EscapeDataString(Qingcheng));
        Assert.Equal(200, status);
        Assert.Contains("<th>上级政府</th><td><a href=\"/district/" + Uri.EscapeDataString(Qingyuan) + "\">清远市</a>", body);
        Assert.Contains("妇女与健康", body);
        Assert.Contains("儿童与法律保护", body);
    }

    [Fact]
    public async Task The_district_page_lists_the_numbers_no_rule_read_with_their_lines()
    {
        // corpus/广东省/清远市/plans.txt line 342: 建设“农村 10 公里、城市 10 分钟”公共文化服务网络 — a
        // service radius in a slogan, not a target, and no rule of the audit names it.
        var (_, body) = await web.Get("/district/" + Uri.EscapeDataString(Qingyuan));
        var unread = web.Data.Unread(web.Data.Document(Qingyuan)!);
        Assert.Contains($"<h2>未读数字（{unread.Count}）</h2>", body);
        Assert.Contains("<a href=\"/source/" + Uri.EscapeDataString(Qingyuan) + "?line=342#L342\">第342行</a></td><td class=\"num\">10 公里</td>", body);
    }

    [Theory]
    [InlineData("/district/nowhere")]
    [InlineData("/source/nowhere")]
    [InlineData("/indicator/nothing-like-this")]
    public async Task An_unknown_subject_is_a_404_page(string path)
    {
        var (status, body) = await web.Get(path);
        Assert.Equal(404, status);
        Assert.Contains("<h1>未知", body);
    }

    [Fact]
    public async Task Nothing_can_be_written_only_read()
    {
        foreach (var path in new[] { "/", "/search", "/tables", "/tables/download" })
        {
            using var post = await web.Client.PostAsync(path, new StringContent("x", Encoding.UTF8));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        }
    }

    [Fact]
    public async Task Pages_forbid_scripts_from_anywhere_but_the_site()
    {
        using var response = await web.Client.GetAsync("/");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public void The_fixture_reads_every_corpus_document()
    {
        Assert.Equal(new CorpusLayout(RepoPaths.Corpus).Documents().Count, web.Data.Read.Count);
    }

    [Fact]
    public void Serve_on_a_port_already_taken_is_one_error_line()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (code, _, stderr) = CliRunner.Run("serve", "--port", port, "--index", new OutputLayout(web.Output).Index, "--corpus", RepoPaths.Corpus);
        Assert.Equal(1, code);
        Assert.Contains($"error: Failed to bind to address http://127.0.0.1:{port}", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [GeneratedRegex("<li class=\"hit\">")]
    private static partial Regex Hits();

    [GeneratedRegex("<a href=\"(/source/[^\"]+)\" class=\"src\">")]
    private static partial Regex SourceLinks();

    [GeneratedRegex("<a href=\"([^\"]+)\" class=\"facet\">")]
    private static partial Regex FacetLink();
}
