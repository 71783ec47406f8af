using System.Text;
using System.Text.Json.Nodes;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Hostile;

/// <summary>
/// Every hostile input of issue 17, and the bad inputs known before it, run through the real
/// command line in its own process: each ends with exit 0, or exit 1 and one line
/// <c>error: FILE: reason</c>, never a stack trace, within a time and memory bound.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(10);
    private const long MemoryBound = 1L << 30;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Case, expected exit code, what the error must say (annotated from the reproductions before the first run).</summary>
    public static TheoryData<string, int, string> Documents() => new()
    {
        { "huge.txt", 1, "read limit of 67,108,864 bytes per document" },
        { "dev-zero.txt", 1, "not a regular file (a character device)" },
        { "fifo.txt", 1, "not a regular file (a named pipe)" },
        { "nul-after-8k.txt", 1, "binary content" },
        { "mixed-encoding.txt", 1, "mixed text encodings" },
        { "many-lines.txt", 1, "paragraphs or lines" },
        { "numbering-int-max.docx", 0, "" },
        { "numbering-int-min.docx", 0, "" },
        { "numbering-start-20-digits.docx", 1, "out of range" },
        { "numbering-upper-letter-2e9.docx", 1, "characters per numbering label" },
        { "nested-sdt.docx", 1, "levels of XML nesting" },
        { "zip-bomb.docx", 1, "bytes per inflated part" },
        { "many-paragraphs.docx", 1, "paragraphs or lines" },
        { "many-pages.pdf", 1, "read limit of 2,000 pages" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Extract_ends_cleanly_within_bounds(string name, int expectedCode, string reason)
    {
        var path = HostileInputs.Write(_temp.Path, name);
        var run = CliRunner.RunOutOfProcess(TimeBound * 2, _temp.Path, "extract", path);
        AssertClean(run, expectedCode, path, reason);
    }

    [Theory]
    [MemberData(nameof(BadInputTests.BadFiles), MemberType = typeof(BadInputTests))]
    public void Known_bad_inputs_end_cleanly_out_of_process(string name, byte[] bytes, string reason)
    {
        var path = _temp.File(name, bytes);
        AssertClean(CliRunner.RunOutOfProcess(TimeBound * 2, _temp.Path, "extract", path), 1, path, reason);
    }

    [Fact]
    public void Control_characters_in_a_file_name_are_escaped()
    {
        var path = _temp.File("plan\u001b[31m\nred.txt", []);
        var run = CliRunner.RunOutOfProcess(TimeBound * 2, _temp.Path, "extract", path);
        Assert.Equal(1, run.Code);
        var line = Assert.Single(Lines(run.Err));
        Assert.Contains("plan\\x1B[31m\\nred.txt: the file is empty", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Err);
    }

    [Fact]
    public void The_limits_follow_max_document_mb()
    {
        // The plan padded with blank lines to 1.5 MB: within the 64 MB default, past a 1 MB limit.
        var padded = Encoding.UTF8.GetBytes(HostileInputs.PlanText + new string('\n', 1_500_000));
        var path = _temp.File("padded.txt", padded);

        AssertClean(CliRunner.RunOutOfProcess(TimeBound * 2, _temp.Path, "extract", path), 0, path, "");
        AssertClean(CliRunner.RunOutOfProcess(TimeBound * 2, _temp.Path, "extract", path, "--max-document-mb", "1"), 1, path, "read limit of 1,048,576 bytes per document");
        Assert.Equal(2, CliRunner.RunOutOfProcess(TimeBound * 2, _temp.Path, "extract", path, "--max-document-mb", "0").Code);
    }

    /// <summary>The catalog edited the way the probe broke it; expected code and message annotated by hand.</summary>
    public static TheoryData<string, int, string> Catalogs() => new()
    {
        { "aliases-null", 0, "" },
        { "indicators-null", 0, "" },
        { "alias-entry-null", 1, "aliases[0] is null" },
        { "indicator-entry-null", 1, "indicators[0] is null" },
        { "lookalike-null", 1, "is null" },
        { "aliases-number", 1, "unreadable indicator catalog" },
    };

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Null_and_wrong_typed_catalog_values_end_cleanly(string edit, int expectedCode, string reason)
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "indicators.json")))!.AsObject();
        var indicators = catalog["indicators"]!.AsArray();
        switch (edit)
        {
            case "aliases-null": indicators[0]!["aliases"] = null; break;
            case "indicators-null": catalog["indicators"] = null; break;
            case "alias-entry-null": indicators[0]!["aliases"] = new JsonArray(null, "别名"); break;
            case "indicator-entry-null": indicators.Insert(0, null); break;
            case "lookalike-null": catalog["lookalikes"] = new JsonObject { ["戍"] = null }; break;
            case "aliases-number": indicators[0]!["aliases"] = 5; break;
        }

        var catalogPath = _temp.File(Path.Combine("corpus", "indicators.json"), Encoding.UTF8.GetBytes(catalog.ToJsonString()));
        var plan = _temp.File("plan.txt", Encoding.UTF8.GetBytes(HostileInputs.PlanText));
        var run = CliRunner.RunOutOfProcess(TimeBound * 2, _temp.Path, "extract", plan);
        AssertClean(run, expectedCode, Path.Combine("corpus", "indicators.json"), reason);
        Assert.True(File.Exists(catalogPath));
    }

    [Fact]
    public void One_bad_document_or_meta_json_never_stops_build_or_check()
    {
        var corpus = _temp.CopyOfCorpus();
        var good = Directory.EnumerateFiles(corpus, "plans.txt", SearchOption.AllDirectories).Select(f => "corpus/" + Path.GetRelativePath(corpus, f).Replace('\\', '/')).ToList();
        string[] documents = ["numbering-int-max.docx", "numbering-upper-letter-2e9.docx", "nested-sdt.docx", "zip-bomb.docx", "fifo.txt", "dev-zero.txt", "mixed-encoding.txt"];
        foreach (var name in documents)
        {
            var folder = Path.Combine(corpus, "测试省", Path.GetFileNameWithoutExtension(name));
            var file = HostileInputs.Write(folder, name);
            Meta(folder, $$"""{"display_name": "{{Path.GetFileNameWithoutExtension(name)}}", "file": "{{Path.GetFileName(file)}}"}""");
        }

        // A folder whose name carries ESC and a newline, holding binary text.
        var escaped = Path.Combine(corpus, "测试省", "坏\u001b[31m\n区");
        HostileInputs.Write(escaped, "nul-after-8k.txt");
        Meta(escaped, """{"display_name": "坏区", "file": "nul-after-8k.txt"}""");

        var plan = Encoding.UTF8.GetBytes(HostileInputs.PlanText);
        (string Folder, string Meta)[] metas =
        [
            ("meta-display-null", """{"display_name": null, "file": "plans.txt"}"""),
            ("meta-display-number", """{"display_name": 5, "file": "plans.txt"}"""),
            ("meta-truncated", """{"display_name": "截断区", "fi"""),
            ("meta-file-outside", """{"display_name": "越界区", "file": "../../../indicators.json"}"""),
            ("meta-plans-null", """{"display_name": "空列表区", "file": "plans.txt", "plans": null}"""),
        ];
        foreach (var (name, json) in metas)
        {
            var folder = Path.Combine(corpus, "测试省", name);
            _temp.File(Path.Combine(folder, "plans.txt"), plan);
            Meta(folder, json);
        }

        var build = CliRunner.RunOutOfProcess(TimeSpan.FromSeconds(60), _temp.Path, "build", "--corpus", corpus, "--out", Path.Combine(_temp.Path, "out"));
        Assert.False(build.TimedOut, "build did not finish");
        Assert.Equal(1, build.Code);
        Assert.DoesNotContain("   at ", build.Err, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', build.Err);
        Assert.True(build.PeakBytes < MemoryBound, $"peak resident {build.PeakBytes:N0} bytes");
        foreach (var source in good.Append("corpus/测试省/numbering-int-max/numbering-int-max.docx").Append("corpus/测试省/meta-plans-null/plans.txt"))
        {
            Assert.Contains(source, build.Out, StringComparison.Ordinal);
        }

        var errors = Lines(build.Err).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        string[] expected =
        [
            "numbering-upper-letter-2e9.docx: exceeds the read limit", "nested-sdt.docx: exceeds the read limit", "zip-bomb.docx: exceeds the read limit",
            "fifo.txt: not a regular file", "dev-zero.txt: not a regular file", "mixed-encoding.txt: mixed text encodings",
            "坏\\x1B[31m\\n区/nul-after-8k.txt: not a text document", "meta-display-null/meta.json: metadata lacks display_name",
            "meta-display-number/meta.json: unreadable metadata", "meta-truncated/meta.json: unreadable metadata", "meta-file-outside/meta.json: metadata file",
        ];
        foreach (var message in expected)
        {
            Assert.Single(errors, e => e.Contains(message, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, errors.Count);
        Assert.Contains($"{good.Count + 2} documents read, {expected.Length} failed", build.Out, StringComparison.Ordinal);

        var check = CliRunner.RunOutOfProcess(TimeSpan.FromSeconds(60), _temp.Path, "check", "--corpus", corpus);
        Assert.Equal(1, check.Code);
        Assert.DoesNotContain("   at ", check.Err + check.Out, StringComparison.Ordinal);
        Assert.Contains($"{good.Count + 2 + expected.Length} documents", check.Out, StringComparison.Ordinal);

        // add reads a corpus with the same broken meta.json files, and refuses a hostile file in one line.
        var hostile = HostileInputs.Write(Path.Combine(_temp.Path, "incoming"), "nested-sdt.docx");
        AssertClean(CliRunner.RunOutOfProcess(TimeBound * 2, _temp.Path, "add", hostile, "--corpus", corpus), 1, hostile, "levels of XML nesting");
    }

    [Fact]
    public void A_folder_where_a_table_should_be_is_one_line()
    {
        // output/tables/women.md as a directory: the table writer's IOException came out of a
        // parallel loop as an unhandled AggregateException with its stack trace.
        var output = Path.Combine(_temp.Path, "out");
        Directory.CreateDirectory(Path.Combine(output, "tables", "women.md"));
        var run = CliRunner.RunOutOfProcess(TimeSpan.FromSeconds(60), RepoPaths.Root, "build", "--out", output);
        Assert.Equal(1, run.Code);
        var line = Assert.Single(Lines(run.Err), l => !l.StartsWith("Reading ", StringComparison.Ordinal));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("women.md", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    private void Meta(string folder, string json) => _temp.File(Path.Combine(folder, "meta.json"), Encoding.UTF8.GetBytes(json));

    private static void AssertClean(ProcessRun run, int expectedCode, string path, string reason)
    {
        Assert.False(run.TimedOut, $"still running after {run.Elapsed}");
        Assert.True(run.Elapsed < TimeBound, $"took {run.Elapsed}");
        Assert.True(run.PeakBytes < MemoryBound, $"peak resident {run.PeakBytes:N0} bytes");
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.True(expectedCode == run.Code, $"exit {run.Code}, expected {expectedCode}; stderr: {run.Err}");
        if (expectedCode == 0)
        {
            Assert.Empty(run.Err);
            Assert.NotEmpty(run.Out);
            return;
        }

        var line = Assert.Single(Lines(run.Err));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(path + ": ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n').Where(l => l.Length > 0)];
}
