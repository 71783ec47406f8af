using System.CommandLine;
using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

public sealed class SearchTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    private SearchResult Search(SearchRequest request) => index.Searcher.Search(request);

    [Fact]
    public void District_filter_takes_part_of_the_display_name()
    {
        var result = Search(new SearchRequest("乳腺癌") { District = "清城", Limit = 50 });
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Equal("清远市清城区", h.District));
        Assert.Equal(["清远市清城区"], result.ByDistrict.Select(p => p.Key));
    }

    [Fact]
    public void District_filter_by_exact_name_excludes_names_containing_it()
    {
        // "清远市" is a district of its own and also part of "清远市清城区".
        var result = Search(new SearchRequest("乳腺癌") { District = "清远市", Limit = 50 });
        Assert.All(result.Hits, h => Assert.Equal("清远市", h.District));
    }

    [Fact]
    public void Unknown_district_is_bad_input_naming_the_known_ones()
    {
        var e = Assert.Throws<InvalidFieldException>(() => Search(new SearchRequest("乳腺癌") { District = "北京" }));
        Assert.Equal("district", e.Field);
        Assert.Contains("清远市清城区", e.Reason);
    }

    [Fact]
    public void Plan_domain_and_section_filters()
    {
        var result = Search(new SearchRequest("托育") { Plan = "children", Domain = "福利", Section = "goal", Limit = 50 });
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h =>
        {
            Assert.Equal("children", h.Plan);
            Assert.Equal("儿童与福利", h.Domain);
            Assert.Equal("goal", h.Section);
        });
    }

    [Fact]
    public void Counts_cover_all_hits_not_only_the_shown_ones()
    {
        var result = Search(new SearchRequest("家庭暴力") { Limit = 3 });
        Assert.Equal(3, result.Hits.Count);
        Assert.Equal(result.TotalHits, result.ByDistrict.Sum(p => p.Value));
        Assert.Equal(result.TotalHits, result.ByDomain.Sum(p => p.Value));
        Assert.True(result.TotalHits > 10);
        Assert.Equal(4, result.ByDistrict.Count);
    }

    [Fact]
    public void Bare_chinese_word_is_a_phrase_not_a_bag_of_bigrams()
    {
        // 乳腺癌 as a bag would also match items with 乳腺 and 腺癌 apart; as a phrase every hit holds it.
        var phrase = index.Search("乳腺癌", 100);
        Assert.All(phrase.Hits, h => Assert.Contains("乳腺癌", h.Text));
        var bag = index.Search("乳腺 OR 腺癌", 100);
        Assert.True(bag.TotalHits >= phrase.TotalHits);
    }

    [Fact]
    public void Words_typed_apart_require_both_and_rank_the_joined_phrase_first()
    {
        var result = index.Search("托育 服务", 100);
        Assert.All(result.Hits, h => Assert.True(h.Text.Contains("托育") && h.Text.Contains("服务")));
        Assert.Contains("托育服务", result.Hits[0].Text);
        Assert.Equal(index.Search("托育服务").Hits[0].Text, result.Hits[0].Text);
    }

    [Fact]
    public void Quoted_phrase_and_boolean_operators()
    {
        var quoted = index.Search("\"反家庭暴力\"", 100);
        Assert.All(quoted.Hits, h => Assert.Contains("反家庭暴力", h.Text));

        var not = index.Search("乳腺癌 NOT 保险", 100);
        Assert.NotEmpty(not.Hits);
        Assert.All(not.Hits, h => Assert.DoesNotContain("保险", h.Text));

        var or = index.Search("溺水 OR 近视", 100);
        Assert.Contains(or.Hits, h => h.Text.Contains("溺水"));
        Assert.Contains(or.Hits, h => h.Text.Contains("近视"));
    }

    [Fact]
    public void Field_syntax_searches_one_field()
    {
        var result = index.Search("溺水 AND section:goal AND plan:children", 100);
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Equal("goal", h.Section));

        var domain = index.Search("domain:安全 AND 溺水", 100);
        Assert.All(domain.Hits, h => Assert.Equal("儿童与安全", h.Domain));
    }

    [Fact]
    public void One_character_query_finds_items_holding_it()
    {
        var result = index.Search("癌", 100);
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Contains("癌", h.Text));
        Assert.Contains("**癌**", result.Hits[0].Snippet);
    }

    [Fact]
    public void Snippet_marks_the_matched_phrase_with_stars()
    {
        var hit = index.Search("母婴室").Hits[0];
        Assert.Contains("**母婴室**", hit.Snippet);
        Assert.Equal(hit.SnippetText, hit.Snippet.Replace("**", string.Empty));
    }

    [Fact]
    public void Snippet_of_a_long_item_is_a_window_around_the_match()
    {
        // 宝安区 社会保障 measure 3 names 乳腺癌 only in its last sentence.
        var hit = Search(new SearchRequest("乳腺癌") { District = "宝安", Domain = "社会保障" }).Hits.Single();
        Assert.True(hit.Text.Length > Snippets.WindowLength);
        Assert.StartsWith("…", hit.Snippet);
        Assert.Contains("**乳腺癌**", hit.Snippet);
        Assert.True(hit.SnippetText.Length <= Snippets.WindowLength + 2);
    }

    [Fact]
    public void Snippet_does_not_mark_bigrams_outside_the_phrase()
    {
        // 宫颈癌 shares 癌 with the query but not the phrase 乳腺癌.
        var hit = index.Search("乳腺癌").Hits.First(h => h.Text.Contains("宫颈癌"));
        Assert.DoesNotContain("**宫颈", hit.Snippet);
        Assert.DoesNotContain("颈**癌", hit.Snippet);
    }

    [Theory]
    [InlineData("domain:")]
    [InlineData("value:[a TO b]")]
    [InlineData("foo:bar")]
    public void Query_that_cannot_be_read_is_one_line_bad_usage(string query)
    {
        var e = Assert.Throws<QueryException>(() => index.Search(query));
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Missing_index_says_to_run_build()
    {
        var e = Assert.Throws<UnusableIndexException>(() => CorpusSearcher.Open(Path.Combine(index.Folder, "nowhere")));
        Assert.True(e.Missing);
        Assert.Contains("planextract build", PlanExtract.Cli.Cli.Words(e));
    }

    [Fact]
    public void Index_from_an_older_format_says_to_run_build()
    {
        var folder = Path.Combine(index.Folder, "old-format");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, CorpusIndex.PointerFile), "planextract-index 0\ng0\n");
        var e = Assert.Throws<UnusableIndexException>(() => CorpusSearcher.Open(folder));
        Assert.False(e.Missing);
        Assert.Contains("planextract build", PlanExtract.Cli.Cli.Words(e));

        // Before the pointer file an index was bare Lucene files.
        var bare = Path.Combine(index.Folder, "bare-lucene");
        Directory.CreateDirectory(bare);
        File.WriteAllText(Path.Combine(bare, "segments.gen"), string.Empty);
        Assert.Contains("older version", Assert.Throws<UnusableIndexException>(() => CorpusSearcher.Open(bare)).Reason);
    }

    [Fact]
    public void Build_killed_before_the_swap_leaves_the_previous_index_searchable()
    {
        var folder = Path.Combine(index.Folder, "swap");
        var first = index.Results.Where(r => r.Document.Metadata.DisplayName == "桂林市荔浦市").ToList();
        CorpusIndex.Write(folder, first);

        Assert.Throws<InvalidOperationException>(() =>
            CorpusIndex.Write(folder, index.Results, beforeSwap: _ => throw new InvalidOperationException("killed")));
        using (var searcher = CorpusSearcher.Open(folder))
        {
            Assert.Equal(["桂林市荔浦市"], searcher.Districts);
            Assert.NotEmpty(searcher.Search(new SearchRequest("溺水")).Hits);
        }

        // The next build goes live and clears the killed build's folder.
        CorpusIndex.Write(folder, index.Results);
        using (var searcher = CorpusSearcher.Open(folder))
        {
            Assert.Equal(4, searcher.Districts.Count);
        }

        Assert.Single(Directory.GetDirectories(folder));
    }

    [Fact]
    public void Cli_prints_json_hits_in_the_contract_shape()
    {
        var (code, stdout, _) = RunCli("乳腺癌", "--format", "json", "--limit", "2", "--index", index.IndexFolder);
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        var hit = json.RootElement[0];
        foreach (var key in new[] { "score", "district", "plan", "domain", "section", "item", "text", "snippet", "source", "line", "page" })
        {
            Assert.True(hit.TryGetProperty(key, out _), key);
        }

        Assert.Contains("**乳腺癌**", hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public void Cli_text_output_has_locations_marks_and_counts()
    {
        var (code, stdout, _) = RunCli("母婴室", "--district", "清城", "--index", index.IndexFolder);
        Assert.Equal(0, code);
        Assert.Contains("corpus/广东省/清远市/清城区/plans.txt:", stdout);
        Assert.Contains("**母婴室**", stdout);
        Assert.Contains("by district: 清远市清城区", stdout);
        Assert.Contains("by domain:", stdout);
    }

    [Fact]
    public void Cli_text_counts_stop_after_twenty_and_say_how_many_more()
    {
        // A common word at 3,200 documents counted in every district: the terminal line named all 3,200.
        var counts = Enumerable.Range(1, 25).Select(i => KeyValuePair.Create($"第{i}区", 100 - i)).ToList();
        var format = typeof(PlanExtract.Cli.Cli).Assembly.GetType("PlanExtract.Cli.SearchCommand", throwOnError: true)!
            .GetMethod("Counts", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var line = (string)format.Invoke(null, [counts])!;
        Assert.Contains("第20区 80", line);
        Assert.DoesNotContain("第21区", line);
        Assert.EndsWith("… and 5 more (--format json or csv lists every count)", line);

        var few = (string)format.Invoke(null, [counts.Take(3).ToList()])!;
        Assert.Equal("第1区 99  第2区 98  第3区 97", few);
    }

    private static (int Code, string Stdout, string Stderr) RunCli(params string[] args)
    {
        // SearchCommand is internal to the CLI; the lead registers it in Commands.All.
        var type = typeof(PlanExtract.Cli.Cli).Assembly.GetType("PlanExtract.Cli.SearchCommand", throwOnError: true)!;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var command = (Command)type.GetMethod("Create")!.Invoke(null, [stdout, stderr])!;
        var root = new RootCommand { command };
        var code = root.Parse(["search", .. args]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
