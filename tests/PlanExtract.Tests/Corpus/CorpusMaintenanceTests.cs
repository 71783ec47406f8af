using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Corpus;

/// <summary>build, check, remove and add --replace on a copy of the corpus: nothing skipped in silence, real paths.</summary>
public sealed class CorpusMaintenanceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Output => Path.Combine(_temp.Path, "out");

    private static int TargetLines(string output) => File.ReadLines(Path.Combine(output, "targets.jsonl")).Count();

    // Issue 16: "A symlink loop inside the corpus (ln -s .. corpus/广东省/loop) makes build count
    // every document 41 times (17,138 targets instead of 418), exit 0, no warning".
    [Fact]
    public void SymlinkLoopIsReportedByNameAndNothingIsReadTwice()
    {
        var corpus = _temp.CopyOfCorpus();
        CorpusDamage.AddLinkLoop(corpus);

        var (code, stdout, err) = CliRunner.Run("build", "--corpus", corpus, "--out", Output);

        Assert.Equal(1, code);
        Assert.Contains($"not followed: {corpus}/广东省/loop", err, StringComparison.Ordinal);
        Assert.Contains("4 documents read, 0 failed, 1 files not part of the corpus", stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadLines(Path.Combine(RepoPaths.Root, "output", "targets.jsonl")).Count(), TargetLines(Output));
    }

    [Fact]
    public void PlanFileWithoutMetadataAndStrayFileAreReportedByBuildAndCheck()
    {
        var corpus = _temp.CopyOfCorpus();
        CorpusDamage.AddPlanWithoutMetadata(corpus);
        File.WriteAllText(Path.Combine(corpus, "广东省", "深圳市", "宝安区", "说明.xlsx"), "x");

        var (buildCode, _, buildErr) = CliRunner.Run("build", "--corpus", corpus, "--out", Output);
        var (checkCode, checkOut, _) = CliRunner.Run("check", "--corpus", corpus);

        Assert.Equal(1, buildCode);
        Assert.Equal(1, checkCode);
        foreach (var text in new[] { buildErr, checkOut })
        {
            Assert.Contains($"not part of the corpus: {corpus}/广东省/清远市/英德市/plans.pdf (a plan file in a folder without meta.json); run `planextract add {corpus}/广东省/清远市/英德市/plans.pdf --corpus {corpus}`", text, StringComparison.Ordinal);
            Assert.Contains($"not part of the corpus: {corpus}/广东省/深圳市/宝安区/说明.xlsx", text, StringComparison.Ordinal);
        }

        Assert.Contains("2 errors", checkOut, StringComparison.Ordinal);
    }

    // Issue 16: "symlinks and a meta.json file of ../../… or an absolute path read files outside the corpus".
    [Fact]
    public void PlanFileLinkedFromOutsideIsReportedAndNotRead()
    {
        var corpus = _temp.CopyOfCorpus();
        var (_, outside) = CorpusDamage.LinkPlanFromOutside(_temp, corpus);

        var (code, stdout, err) = CliRunner.Run("build", "--corpus", corpus, "--out", Output);

        Assert.Equal(1, code);
        Assert.Contains($"error: {corpus}/广东省/清远市/plans.txt: not a regular file (a symbolic link to {outside}, outside the corpus)", err, StringComparison.Ordinal);
        Assert.Contains("3 documents read, 1 failed;", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"district\":\"清远市\"", File.ReadAllText(Path.Combine(Output, "targets.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void MetadataFilePointingOutsideIsReportedAndNotRead()
    {
        var corpus = _temp.CopyOfCorpus();
        var outside = _temp.File("outside/plans.txt", File.ReadAllBytes(Path.Combine(corpus, "广东省", "清远市", "plans.txt")));
        var meta = Path.Combine(corpus, "广东省", "清远市", "meta.json");
        CorpusDamage.PointMetadataAt(meta, outside);

        var (code, stdout, err) = CliRunner.Run("build", "--corpus", corpus, "--out", Output);

        Assert.Equal(1, code);
        Assert.Contains($"error: {corpus}/广东省/清远市/meta.json: metadata file \"{outside}\" must name a file in the same folder as meta.json", err, StringComparison.Ordinal);
        Assert.DoesNotContain(outside, stdout, StringComparison.Ordinal);
        Assert.Contains("3 documents read, 1 failed;", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOfTheCorpusHasNoLawDomainNoiseAndNoErrors()
    {
        var (code, stdout, _) = CliRunner.Run("check", "--corpus", RepoPaths.Corpus);

        Assert.Equal(0, code);
        Assert.DoesNotContain("corpus median", stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"法律(保护)?: \d+ targets", stdout);

        // 荔浦市 sets one target in 妇女与家庭建设 (the gold agrees), the other women's plans a median of 7.
        Assert.Contains("荔浦市妇女发展规划（2021-2030年） / 妇女与家庭建设: 1 targets, women plans set 7 there (median)", stdout, StringComparison.Ordinal);
        Assert.Contains($"{RepoPaths.Corpus}/广东省/清远市/plans.txt", stdout, StringComparison.Ordinal);
    }

    // Issue 16: "add 荔浦市….docx --province 广西壮族自治区 filed it as 广西壮族自治区/荔浦市/ with level: prefecture".
    [Fact]
    public void CheckReportsADistrictFiledAsAPrefecture()
    {
        var corpus = _temp.CopyOfCorpus();
        var right = Path.Combine(corpus, "广西壮族自治区", "桂林市", "荔浦市");
        var wrong = Path.Combine(corpus, "广西壮族自治区", "荔浦市");
        Directory.Move(right, wrong);
        Directory.Delete(Path.Combine(corpus, "广西壮族自治区", "桂林市"));
        var meta = Path.Combine(wrong, "meta.json");
        File.WriteAllText(meta, File.ReadAllText(meta)
            .Replace("\"level\": \"county\"", "\"level\": \"prefecture\"", StringComparison.Ordinal)
            .Replace("  \"division_code\": \"450381\",\n", string.Empty, StringComparison.Ordinal));

        var (code, stdout, _) = CliRunner.Run("check", "--corpus", corpus);

        Assert.Equal(1, code);
        Assert.Contains("filed as 广西壮族自治区/荔浦市, the gazetteer has 广西壮族自治区/桂林市/荔浦市 (450381, county)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveThenAddLeavesOutputByteIdentical()
    {
        var corpus = _temp.CopyOfCorpus();
        var plan = _temp.File("清城区.txt", File.ReadAllBytes(Path.Combine(corpus, "广东省", "清远市", "清城区", "plans.txt")));
        Assert.Equal(0, CliRunner.Run("build", "--corpus", corpus, "--out", Output, "--full").Code);
        var before = Snapshot(Output);

        var (removeCode, removeOut, removeErr) = CliRunner.Run("remove", "清城区", "--corpus", corpus, "--out", Output);
        Assert.True(removeCode == 0, removeErr);
        Assert.Contains($"removed 清远市清城区 ({corpus}/广东省/清远市/清城区/plans.txt)", removeOut, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(corpus, "广东省", "清远市", "清城区")));
        Assert.NotEqual(before["targets.jsonl"], Snapshot(Output)["targets.jsonl"]);

        var (addCode, _, addErr) = CliRunner.Run("add", plan, "--corpus", corpus);
        Assert.True(addCode == 0, addErr);
        Assert.Equal(0, CliRunner.Run("build", "--corpus", corpus, "--out", Output).Code);

        var after = Snapshot(Output);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), file.Key + " differs"));
    }

    [Fact]
    public void RemoveRefusesWhatIsNotThereListingNearNames()
    {
        var corpus = _temp.CopyOfCorpus();

        var (code, _, err) = CliRunner.Run("remove", "荔浦县", "--corpus", corpus, "--out", Output);

        Assert.Equal(1, code);
        Assert.Equal($"error: {corpus}: no district '荔浦县' in the corpus; near: 桂林市荔浦市 ({corpus}/广西壮族自治区/桂林市/荔浦市)", err.Trim());
        Assert.True(File.Exists(Path.Combine(corpus, "广西壮族自治区", "桂林市", "荔浦市", "plans.txt")));
    }

    [Fact]
    public void AddOverADistrictRefusesWithoutReplaceAndSwapsWithIt()
    {
        var corpus = _temp.CopyOfCorpus();
        var text = File.ReadAllBytes(Path.Combine(corpus, "广东省", "深圳市", "宝安区", "plans.txt"));
        var edited = _temp.File("宝安区.txt", [.. text, .. "\n"u8]);
        Assert.Equal(0, CliRunner.Run("build", "--corpus", corpus, "--out", Output, "--full").Code);

        var (refused, _, refusedErr) = CliRunner.Run("add", edited, "--corpus", corpus);
        var (replaced, replacedOut, replacedErr) = CliRunner.Run("add", edited, "--corpus", corpus, "--replace", "--out", Output);

        Assert.Equal(1, refused);
        Assert.Contains("already has a document in the corpus", refusedErr, StringComparison.Ordinal);
        Assert.Contains("--replace", refusedErr, StringComparison.Ordinal);
        Assert.True(replaced == 0, replacedErr);
        Assert.Contains("replaced 深圳市宝安区", replacedOut, StringComparison.Ordinal);
        Assert.Contains("1 re-read", replacedOut, StringComparison.Ordinal);
        Assert.Equal([.. text, .. "\n"u8], File.ReadAllBytes(Path.Combine(corpus, "广东省", "深圳市", "宝安区", "plans.txt")));
    }

    /// <summary>Every file build writes except the index (targets.jsonl and tables/).</summary>
    private static Dictionary<string, byte[]> Snapshot(string output) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f))
            .Where(f => !f.StartsWith("index", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(output, f)), StringComparer.Ordinal);
}
