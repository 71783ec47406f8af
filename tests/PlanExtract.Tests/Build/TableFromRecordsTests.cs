using PlanExtract.Benchmarking;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Model;
using PlanExtract.Reporting;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Build;

/// <summary>
/// <c>table</c> reads the records the last build wrote when they are current for the corpus, and
/// every plan otherwise; both give the same bytes.
/// </summary>
public sealed class TableFromRecordsTests
{
    private static readonly string[][] _filters =
    [
        [],
        ["--plan", "women"],
        ["--plan", "children", "--domain", "健康"],
        ["--indicator", "死亡率"],
        ["--format", "csv"],
        ["--format", "csv", "--layout", "wide", "--plan", "women"],
        ["--layout", "long", "--plan", "children"],
    ];

    [Fact]
    public void The_library_chooses_the_records_when_current_and_says_why_not_otherwise()
    {
        using var temp = new TempFolder();
        var corpus = new CorpusLayout(RepoPaths.Corpus);
        var output = Path.Combine(temp.Path, "output");
        var none = Path.Combine(temp.Path, "none");
        CorpusBuild.Run(corpus, output, new BuildOptions(Tables: false));

        var fromRecords = TableSources.Read(corpus, output, outputNamed: true, PlanKind.Women, TableFilter.None);
        var named = TableSources.Read(corpus, none, outputNamed: true, PlanKind.Women, TableFilter.None);
        var unnamed = TableSources.Read(corpus, none, outputNamed: false, PlanKind.Women, TableFilter.None);
        var noOutput = TableSources.Read(corpus, null, outputNamed: false, PlanKind.Women, TableFilter.None);

        Assert.Null(fromRecords.Note);
        Assert.Equal($"reading every plan: no build output in {none}; run build to make table read its records", named.Note);
        Assert.Null(unnamed.Note);
        Assert.Null(noOutput.Note);
        var expected = MarkdownCrossTable.Write(noOutput.Set.Tables, temp.Path);
        Assert.Equal(expected, MarkdownCrossTable.Write(fromRecords.Set.Tables, temp.Path));
        Assert.Equal(expected, MarkdownCrossTable.Write(named.Set.Tables, temp.Path));
        Assert.True(fromRecords.Set.Indicators > 20);
    }

    [Fact]
    public void On_the_repository_corpus_the_records_give_the_same_bytes_as_reading_every_plan()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "output");
        CorpusBuild.Run(new CorpusLayout(RepoPaths.Corpus), output, new BuildOptions(Tables: false));
        Assert.NotNull(BuiltRecords.LoadIfCurrent(new CorpusLayout(RepoPaths.Corpus), output).Results);

        foreach (var filter in _filters.Append(["--city", "清远市", "--plan", "women"]).Append(["--province", "广西壮族自治区"]))
        {
            var fromRecords = CliRunner.Run(["table", "--corpus", RepoPaths.Corpus, "--index", Path.Combine(output, "index"), .. filter]);
            var fromPlans = CliRunner.Run(["table", "--corpus", RepoPaths.Corpus, "--index", Path.Combine(temp.Path, "none", "index"), .. filter]);
            Assert.Equal(0, fromRecords.Code);
            Assert.Equal(string.Empty, fromRecords.Err);
            Assert.Equal($"note: reading every plan: no build output in {Path.Combine(temp.Path, "none")}; run build to make table read its records\n", fromPlans.Err);
            Assert.True(fromPlans.Out.Length > 500, string.Join(" ", filter));
            Assert.Equal(fromPlans.Out, fromRecords.Out);
        }
    }

    [Fact]
    public void On_a_synthetic_corpus_the_records_give_the_same_bytes_and_a_change_falls_back_with_a_note()
    {
        using var temp = new SyntheticCorpus(9);
        var (root, layout, output) = (temp.Root, temp.Layout, temp.Output);
        var index = Path.Combine(output, "index");
        CorpusBuild.Run(layout, output, new BuildOptions(Tables: false));
        Assert.Equal(9, BuiltRecords.LoadIfCurrent(layout, output).Results?.Count);

        string Table(string indexFolder, string[] filter)
        {
            var run = CliRunner.Run(["table", "--corpus", root, "--index", indexFolder, .. filter]);
            Assert.Equal(0, run.Code);

            // A named folder with no build is said; the plans are read all the same.
            var none = Path.GetDirectoryName(indexFolder)!;
            Assert.Equal(Directory.Exists(none) ? string.Empty : $"note: reading every plan: no build output in {none}; run build to make table read its records\n", run.Err);
            return run.Out;
        }

        foreach (var filter in _filters)
        {
            Assert.Equal(Table(Path.Combine(temp.Path, "none", "index"), filter), Table(index, filter));
        }

        // A plan edited since the build: the records no longer stand, the plans are read and the note says why.
        var changed = layout.Documents()[4];
        File.AppendAllText(changed.FilePath, "\n");
        Assert.Equal("the corpus changed since the build into " + output, BuiltRecords.LoadIfCurrent(layout, output).NotCurrent);
        var stale = CliRunner.Run("table", "--corpus", root, "--index", index, "--plan", "women");
        Assert.Equal(0, stale.Code);
        Assert.Equal($"note: reading every plan: the corpus changed since the build into {output}; run build to make table read its records\n", stale.Err);
        Assert.Equal(Table(Path.Combine(temp.Path, "none", "index"), ["--plan", "women"]), stale.Out);

        // A build brings the records back; a removed district, then, makes them stale again.
        CorpusBuild.Run(layout, output, new BuildOptions(Tables: false));
        Assert.NotNull(BuiltRecords.LoadIfCurrent(layout, output).Results);
        Directory.Delete(layout.Documents()[0].Folder, recursive: true);
        Assert.Null(BuiltRecords.LoadIfCurrent(layout, output).Results);
    }

    [Fact]
    public void Table_reads_the_records_when_they_are_current()
    {
        // A same-size edit with the time put back is one the build's stamps cannot see (a build keeps
        // that document too): the table shows the built value, so it came from the records.
        using var temp = new SyntheticCorpus(3);
        var (root, layout, output) = (temp.Root, temp.Layout, temp.Output);
        CorpusBuild.Run(layout, output, new BuildOptions(Tables: false));
        var document = layout.Documents()[1];
        var before = CliRunner.Run("table", "--corpus", root, "--index", Path.Combine(output, "index"), "--format", "csv");

        var text = File.ReadAllText(document.FilePath);
        var at = text.IndexOf("孕产妇死亡率", StringComparison.Ordinal);
        var digit = text.IndexOfAny("123456789".ToCharArray(), at);
        var time = File.GetLastWriteTimeUtc(document.FilePath);
        File.WriteAllText(document.FilePath, text[..digit] + (text[digit] == '9' ? '8' : '9') + text[(digit + 1)..]);
        File.SetLastWriteTimeUtc(document.FilePath, time);

        var after = CliRunner.Run("table", "--corpus", root, "--index", Path.Combine(output, "index"), "--format", "csv");
        var plans = CliRunner.Run("table", "--corpus", root, "--format", "csv");
        Assert.Equal(string.Empty, after.Err);
        Assert.Equal(before.Out, after.Out);
        Assert.NotEqual(before.Out, plans.Out);
    }
}
