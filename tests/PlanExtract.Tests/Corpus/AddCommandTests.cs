using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Corpus;

/// <summary><c>planextract add</c> and <c>check</c> on a copy of the corpus.</summary>
public sealed class AddCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A copy of the corpus without 清城区, whose plan waits outside it to be added.</summary>
    private (string Corpus, string District, string Plan) CorpusWithoutQingcheng()
    {
        var corpus = _temp.CopyOfCorpus();
        var district = Path.Combine(corpus, "广东省", "清远市", "清城区");
        var plan = _temp.File("清城区.txt", File.ReadAllBytes(Path.Combine(district, "plans.txt")));
        Directory.Delete(district, recursive: true);
        return (corpus, district, plan);
    }

    [Fact]
    public void Adds_a_district_reading_issuer_number_and_titles_from_the_text()
    {
        var (corpus, district, plan) = CorpusWithoutQingcheng();

        var (code, output, err) = CliRunner.Run("add", plan, "--corpus", corpus);

        Assert.True(code == 0, err);
        Assert.Contains("清城府发〔2022〕6号", output, StringComparison.Ordinal);
        Assert.Contains("8/8 domains", output, StringComparison.Ordinal);
        Assert.Contains("7/7 domains", output, StringComparison.Ordinal);
        var meta = File.ReadAllText(Path.Combine(district, "meta.json"));
        Assert.Contains("\"display_name\": \"清远市清城区\"", meta, StringComparison.Ordinal);
        Assert.Contains("\"province\": \"广东省\"", meta, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(district, "plans.txt")));
    }

    [Fact]
    public void Add_with_refresh_updates_the_output_as_a_build_after_it_would()
    {
        var (corpus, _, plan) = CorpusWithoutQingcheng();
        var output = Path.Combine(_temp.Path, "out");
        var rebuilt = Path.Combine(_temp.Path, "rebuilt");
        Assert.Equal(0, CliRunner.Run("build", "--corpus", corpus, "--out", output).Code);

        var (code, stdout, err) = CliRunner.Run("add", plan, "--corpus", corpus, "--refresh", "--out", output);
        var (fullCode, _, fullErr) = CliRunner.Run("build", "--full", "--corpus", corpus, "--out", rebuilt);

        Assert.True(code == 0, err);
        Assert.True(fullCode == 0, fullErr);
        Assert.Contains("added 清远市清城区", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("run 'planextract build'", stdout, StringComparison.Ordinal);
        Assert.Contains($"refreshed {output}: 4 documents, 1 re-read, 0 failed", stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(rebuilt, "targets.jsonl")), File.ReadAllBytes(Path.Combine(output, "targets.jsonl")));
        Assert.Contains("清远市清城区", File.ReadAllText(Path.Combine(output, "targets.jsonl")), StringComparison.Ordinal);
    }

    // The exit code counts every file not part of the corpus, as build's does: the refresh names them.
    [Fact]
    public void Add_with_refresh_names_the_files_not_part_of_the_corpus_its_exit_code_counts()
    {
        var (corpus, _, plan) = CorpusWithoutQingcheng();
        var output = Path.Combine(_temp.Path, "out");
        File.WriteAllText(Path.Combine(corpus, "广东省", "深圳市", "宝安区", "说明.xlsx"), "x");

        var (code, stdout, err) = CliRunner.Run("add", plan, "--corpus", corpus, "--refresh", "--out", output);

        Assert.Equal(1, code);
        Assert.Contains($"refreshed {output}: 4 documents, 4 re-read, 0 failed, 1 files not part of the corpus", stdout, StringComparison.Ordinal);
        Assert.Contains($"not part of the corpus: {corpus}/广东省/深圳市/宝安区/说明.xlsx", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_with_refresh_of_another_corpus_and_no_out_says_how_to_refresh_it()
    {
        var (corpus, district, plan) = CorpusWithoutQingcheng();

        var (code, stdout, err) = CliRunner.Run("add", plan, "--corpus", corpus, "--refresh");

        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(district, "plans.txt")));
        Assert.Contains($"run 'planextract build --corpus {corpus} --out DIR' to refresh that corpus's output", stdout, StringComparison.Ordinal);
    }

    // Issue 13: "corpus and output folders found from the current repository or set by
    // PLANEXTRACT_CORPUS / PLANEXTRACT_OUTPUT (flags win)"; add and check once took "corpus" as given.
    [Fact]
    public void Add_and_check_find_the_corpus_through_PLANEXTRACT_CORPUS()
    {
        var (corpus, district, plan) = CorpusWithoutQingcheng();
        var elsewhere = Directory.CreateDirectory(Path.Combine(_temp.Path, "elsewhere")).FullName;
        var environment = new Dictionary<string, string> { ["PLANEXTRACT_CORPUS"] = corpus };

        var add = CliRunner.RunOutOfProcess(TimeSpan.FromSeconds(60), elsewhere, environment, "add", plan);
        var check = CliRunner.RunOutOfProcess(TimeSpan.FromSeconds(60), elsewhere, environment, "check");

        Assert.True(add.Code == 0, add.Err);
        Assert.True(File.Exists(Path.Combine(district, "plans.txt")));
        Assert.True(check.Code == 0, check.Out + check.Err);
        Assert.Contains($"{corpus}/广东省/清远市/清城区/plans.txt", check.Out, StringComparison.Ordinal);
        Assert.Contains("4 documents", check.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(elsewhere, "corpus")));
    }

    [Fact]
    public void Refuses_a_document_already_in_the_corpus()
    {
        var corpus = _temp.CopyOfCorpus();
        var (code, _, err) = CliRunner.Run("add", Path.Combine(corpus, "广东省", "清远市", "plans.txt"), "--corpus", corpus);
        Assert.Equal(1, code);
        Assert.Contains("already in the corpus", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void Refuses_a_name_that_is_not_one_folder(string name)
    {
        var corpus = _temp.CopyOfCorpus();
        var before = Directory.EnumerateFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories).Count();
        var plan = _temp.File("plan.txt", [.. File.ReadAllBytes(Path.Combine(corpus, "广东省", "清远市", "plans.txt")), (byte)'\n']);
        var (code, _, err) = CliRunner.Run("add", plan, "--corpus", corpus, "--district", name);
        Assert.Equal(1, code);
        Assert.Contains("not a plain name", err, StringComparison.Ordinal);
        Assert.Equal(before + 1, Directory.EnumerateFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void Refuses_a_file_with_no_plan_and_writes_nothing()
    {
        var corpus = _temp.CopyOfCorpus();
        var count = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Count();
        var notice = _temp.File("notice.txt", "关于成立领导小组的通知\n各单位：\n"u8.ToArray());
        var (code, _, err) = CliRunner.Run("add", notice, "--corpus", corpus);
        Assert.Equal(1, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.Equal(count, Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void Check_prints_counts_and_a_summary()
    {
        var (code, output, _) = CliRunner.Run("check", "--corpus", RepoPaths.Corpus);
        Assert.Equal(0, code);
        Assert.Contains("4 documents, ", output, StringComparison.Ordinal);
        Assert.Contains("0 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_with_a_broken_document_builds_the_rest_and_exits_1()
    {
        var corpus = _temp.CopyOfCorpus();
        File.WriteAllBytes(Path.Combine(corpus, "广东省", "清远市", "plans.txt"), [0x00, 0x01, 0x02, 0xFF]);
        var output = Path.Combine(_temp.Path, "out");

        var (code, stdout, err) = CliRunner.Run("build", "--corpus", corpus, "--out", output);

        Assert.Equal(1, code);
        // Named where it is (the --corpus folder), not as records cite it ("corpus/…").
        Assert.Contains($"error: {corpus}/广东省/清远市/plans.txt: ", err, StringComparison.Ordinal);
        Assert.Contains("3 documents read, 1 failed", stdout, StringComparison.Ordinal);
        var districts = File.ReadLines(Path.Combine(output, "targets.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("district").GetString())
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "桂林市荔浦市", "深圳市宝安区", "清远市清城区" }.Order(StringComparer.Ordinal), districts);
    }
}
