using System.Diagnostics;
using PlanExtract.Benchmarking;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Indexing;
using PlanExtract.Tests.Cli;
using Xunit.Abstractions;

namespace PlanExtract.Tests.Build;

/// <summary>
/// Issue 17: targets.jsonl, records.jsonl, the tables and the index of one build are one
/// generation after a kill at any moment, and the next build — without --full — repairs whatever
/// a kill, a hand edit or a damaged file left.
/// </summary>
public sealed class CrashConsistencyTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_build_killed_at_random_moments_leaves_one_generation_and_the_next_build_repairs_it()
    {
        // Twelve documents, and a thirteenth moved in and out between builds, so every build
        // changes the outputs (a kill between old and new would show) yet re-reads one document.
        var corpus = Synthesize(12);
        var extra = Path.GetDirectoryName(new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(corpus, 1, first: 12)[0].FilePath)!;
        var stash = Path.Combine(_temp.Path, "stash");
        var with = Reference(corpus);
        Directory.Move(extra, stash);
        var without = Reference(corpus);
        var output = Path.Combine(_temp.Path, "out");
        Assert.Equal(0, RunBuild(corpus, output, killAfter: null, killOnJournal: false));
        AssertSame(without, output);

        // One whole incremental build out of process sets the span the timed kills fall in (its start-up included).
        Directory.Move(stash, extra);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, RunBuild(corpus, output, killAfter: null, killOnJournal: false));
        var span = clock.Elapsed;
        AssertSame(with, output);

        var random = new Random(17);
        var journals = 0;
        for (var kill = 0; kill < 20; kill++)
        {
            var present = Directory.Exists(extra);
            Directory.Move(present ? extra : stash, present ? stash : extra);

            // Every third kill waits for the journal, then dies inside the moves and the swap; the
            // others die at a random moment up to 1.2 spans, so some before the journal or not at all.
            var onJournal = kill % 3 == 2;
            RunBuild(corpus, output, killAfter: TimeSpan.FromTicks((long)(random.NextDouble() * 1.2 * span.Ticks)), killOnJournal: onJournal);
            journals += File.Exists(Path.Combine(output, "index", OutputGeneration.JournalFile)) ? 1 : 0;
            Assert.Null(OutputGeneration.Inconsistency(new OutputLayout(output)));
            if (kill % 4 == 3)
            {
                CorpusBuild.Run(new CorpusLayout(corpus), output);
                AssertSame(present ? without : with, output);
            }
        }

        log.WriteLine($"one incremental build {span.TotalSeconds:F1} s; kills that left a journal for the next build to finish: {journals} of 20");
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        AssertSame(Directory.Exists(extra) ? with : without, output);
    }

    public static TheoryData<string> Steps() => ["targets.jsonl", "index/records.jsonl", "tables/children.md", "tables/women.md", CorpusIndex.PointerFile, OutputGeneration.RecordFile];

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_build_stopped_after_any_step_of_its_swap_is_finished_by_the_next(string step)
    {
        var corpus = Synthesize(3);
        var output = Path.Combine(_temp.Path, "out");
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(corpus, 1, first: 3);
        var reference = Reference(corpus);

        OutputGeneration.AfterStep = s => _ = s == step ? throw new IOException("killed") : 0;
        try
        {
            Assert.Throws<IOException>(() => CorpusBuild.Run(new CorpusLayout(corpus), output));
        }
        finally
        {
            OutputGeneration.AfterStep = null;
        }

        Assert.Null(OutputGeneration.Inconsistency(new OutputLayout(output)));
        var next = CorpusBuild.Run(new CorpusLayout(corpus), output);
        Assert.Equal(0, next.Reread);
        AssertSame(reference, output);
    }

    public static TheoryData<string> PatchSteps() => ["targets.jsonl", "index/records.jsonl", CorpusIndex.PointerFile, OutputGeneration.RecordFile];

    [Theory]
    [MemberData(nameof(PatchSteps))]
    public void An_in_place_patch_stopped_after_any_step_is_finished_by_the_next_build(string step)
    {
        // Above the patch size targets.jsonl and records.jsonl are blanked and appended to in place
        // after the journal; applying the patch again after a kill must give the same file.
        var corpus = Synthesize(3);
        var output = Path.Combine(_temp.Path, "out");
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(corpus, 1, first: 3);
        var reference = Reference(corpus);
        var witness = Path.Combine(_temp.Path, "witness.jsonl");
        PlanExtract.Indexing.HardLinks.LinkOrCopy(Path.Combine(output, "targets.jsonl"), witness);

        RunsPatch.PatchAboveOverride = 0;
        OutputGeneration.AfterStep = s => _ = s == step ? throw new IOException("killed") : 0;
        try
        {
            Assert.Throws<IOException>(() => CorpusBuild.Run(new CorpusLayout(corpus), output));
            OutputGeneration.AfterStep = null;
            Assert.Null(OutputGeneration.Inconsistency(new OutputLayout(output)));
            var next = CorpusBuild.Run(new CorpusLayout(corpus), output);
            Assert.Equal(0, next.Reread);
        }
        finally
        {
            OutputGeneration.AfterStep = null;
            RunsPatch.PatchAboveOverride = null;
        }

        Assert.Null(OutputGeneration.Inconsistency(new OutputLayout(output)));
        var actual = Snapshot(output);
        Assert.Equal(reference.Keys.Order(), actual.Keys.Order());
        Assert.Equal(Lines(reference["targets.jsonl"]), Lines(actual["targets.jsonl"]));
        Assert.Equal(File.ReadAllBytes(witness), actual["targets.jsonl"]);
        foreach (var table in reference.Keys.Where(k => k.StartsWith("tables/", StringComparison.Ordinal)))
        {
            Assert.True(reference[table].AsSpan().SequenceEqual(actual[table]), $"{table} differs from a full build's");
        }
    }

    // The records of a JSON-lines file, whatever their order and the blanks around them.
    private static List<string> Lines(byte[] bytes) =>
        [.. System.Text.Encoding.UTF8.GetString(bytes).Split('\n').Where(l => l.Trim().Length > 0).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!.ToJsonString()).Order(StringComparer.Ordinal)];

    [Fact]
    public void Staged_tables_link_from_the_folder_they_are_published_in()
    {
        // A build writes its tables in a staging folder under index/ and moves them in; their
        // links must read as from output/tables, the same as the writer gives when it writes there.
        var corpus = Synthesize(4);
        var output = Path.Combine(_temp.Path, "out");
        var summary = CorpusBuild.Run(new CorpusLayout(corpus), output);
        var direct = Path.Combine(_temp.Path, "direct");
        PlanExtract.Reporting.CrossReferenceTables.WriteMarkdown(direct, summary.Records());
        foreach (var name in new[] { "women.md", "children.md", "measures-women.md", "measures-children.md" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(direct, "tables", name)), File.ReadAllText(Path.Combine(output, "tables", name)));
        }
    }

    [Fact]
    public void An_update_never_changes_the_files_it_shares_with_the_last_generation()
    {
        // The update's generation hard-links the live one's files; witnesses linked to the same
        // files keep their bytes through an update that re-reads, adds and removes documents.
        var corpus = Synthesize(4);
        var output = Path.Combine(_temp.Path, "out");
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        var index = Path.Combine(output, "index");
        var witness = Path.Combine(_temp.Path, "witness");
        Directory.CreateDirectory(witness);
        var before = new Dictionary<string, byte[]>();
        foreach (var file in Directory.GetFiles(Path.Combine(index, CorpusIndex.LiveGeneration(index)!)))
        {
            var copy = Path.Combine(witness, Path.GetFileName(file));
            Assert.Equal(0, Shell($"ln '{file}' '{copy}'").Code);
            before[copy] = File.ReadAllBytes(file);
        }

        var documents = new CorpusLayout(corpus).Documents();
        File.AppendAllText(documents[1].FilePath, "\n（三）提高妇女参与社会事务管理的比例。\n");
        Directory.Delete(documents[0].Folder, recursive: true);
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(corpus, 1, first: 4);
        Assert.True(CorpusBuild.Run(new CorpusLayout(corpus), output).Incremental);

        foreach (var (path, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{Path.GetFileName(path)} changed");
        }

        AssertSame(Reference(corpus), output);
    }

    [Fact]
    public void Old_targets_and_tables_beside_a_newer_index_are_rebuilt_without_full()
    {
        // The issue's kill right after the index swap: targets.jsonl and the tables of the old
        // corpus beside the new index, which every later build called unchanged.
        var corpus = Synthesize(3);
        var output = Path.Combine(_temp.Path, "out");
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        var old = Snapshot(output);
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(corpus, 1, first: 3);
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        foreach (var (path, bytes) in old)
        {
            File.WriteAllBytes(Path.Combine(output, path), bytes);
        }

        Assert.NotNull(OutputGeneration.Inconsistency(new OutputLayout(output)));
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        AssertSame(Reference(corpus), output);
    }

    [Fact]
    public void A_truncated_index_file_makes_search_say_damaged_and_build_rebuild_it()
    {
        var corpus = Synthesize(3);
        var output = Path.Combine(_temp.Path, "out");
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        var index = Path.Combine(output, "index");
        // The largest file of the live generation: a segment's postings or stored fields.
        var largest = new DirectoryInfo(Path.Combine(index, CorpusIndex.LiveGeneration(index)!)).EnumerateFiles()
            .Where(f => !f.Name.StartsWith("segments", StringComparison.Ordinal))
            .MaxBy(f => f.Length)!.FullName;
        using (var stream = new FileStream(largest, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        var search = CliRunner.Run("search", "孕产妇死亡率", "--index", index);
        Assert.Equal(1, search.Code);
        var line = Assert.Single(search.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("the index is damaged", line, StringComparison.Ordinal);
        Assert.Contains("run `planextract build`", line, StringComparison.Ordinal);

        var rebuilt = CorpusBuild.Run(new CorpusLayout(corpus), output);
        Assert.False(rebuilt.Incremental);
        AssertSame(Reference(corpus), output);
        Assert.Equal(0, CliRunner.Run("search", "孕产妇死亡率", "--index", index).Code);
    }

    [Fact]
    public void A_truncated_records_file_is_rewritten_by_the_next_build()
    {
        var corpus = Synthesize(3);
        var output = Path.Combine(_temp.Path, "out");
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        var records = Path.Combine(output, "index", OutputLayout.RecordsFile);
        var bytes = File.ReadAllBytes(records);
        File.WriteAllBytes(records, bytes[..(bytes.Length / 2)]);

        var next = CorpusBuild.Run(new CorpusLayout(corpus), output);
        Assert.True(next.Incremental);
        AssertSame(Reference(corpus), output);
    }

    [Fact]
    public void Corrupted_index_files_give_one_line_or_results_and_the_next_build_repairs_them()
    {
        var corpus = Synthesize(3);
        var reference = Reference(corpus);
        var output = Path.Combine(_temp.Path, "out");
        var index = Path.Combine(output, "index");
        var random = new Random(4817);
        for (var round = 0; round < 12; round++)
        {
            CorpusBuild.Run(new CorpusLayout(corpus), output);
            var files = Directory.GetFiles(Path.Combine(index, CorpusIndex.LiveGeneration(index)!)).Order(StringComparer.Ordinal).ToArray();
            var victim = files[random.Next(files.Length)];
            var bytes = File.ReadAllBytes(victim);
            var damage = Damage(bytes, random);
            File.WriteAllBytes(victim, damage.Bytes);

            var search = CliRunner.Run("search", "孕产妇死亡率", "--index", index);
            var what = $"{Path.GetFileName(victim)} {damage.What}";
            Assert.True(search.Code is 0 or 1, $"{what}: exit {search.Code}");
            Assert.DoesNotContain("   at ", search.Err, StringComparison.Ordinal);
            Assert.True(search.Code == 0 || search.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 1, $"{what}: {search.Err}");
            log.WriteLine($"{what}: exit {search.Code} {search.Err.Trim()}");

            CorpusBuild.Run(new CorpusLayout(corpus), output);
            AssertSame(reference, output);
            Assert.Equal(0, CliRunner.Run("search", "孕产妇死亡率", "--index", index).Code);
        }
    }

    [Fact]
    public void A_folder_where_a_table_goes_is_one_line_and_publishes_nothing()
    {
        var corpus = Synthesize(3);
        var output = Path.Combine(_temp.Path, "out");
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        var before = Snapshot(output);
        File.Delete(Path.Combine(output, "tables", "women.md"));
        Directory.CreateDirectory(Path.Combine(output, "tables", "women.md"));
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(corpus, 1, first: 3);

        var run = CliRunner.Run("build", "--corpus", corpus, "--out", output);
        Assert.Equal(1, run.Code);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("Reading", StringComparison.Ordinal));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("women.md", line, StringComparison.Ordinal);
        Assert.Equal(before["targets.jsonl"], File.ReadAllBytes(Path.Combine(output, "targets.jsonl")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(output, "index"), "pending-*"));
    }

    [Fact]
    public void A_journal_naming_files_outside_its_staging_folder_moves_none_of_them()
    {
        // The commit moves what it finds staged, not whatever path a damaged or hand-made journal names.
        var corpus = Synthesize(3);
        var output = Path.Combine(_temp.Path, "out");
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        var index = Path.Combine(output, "index");
        var pending = Path.Combine(index, "pending-0123456789ab");
        Directory.CreateDirectory(Path.Combine(pending, "tables"));
        File.WriteAllText(Path.Combine(pending, "tables", "staged.md"), "staged");
        var outside = Path.Combine(index, "outside.txt");
        File.WriteAllText(outside, "not staged");
        var journal = $$"""
            {"index":"{{CorpusIndex.LiveGeneration(index)}}","pending":"pending-0123456789ab","files":[
              {"path":"../outside.txt","size":10,"modified":1},
              {"path":"tables/staged.md","size":6,"modified":1}]}
            """;
        File.WriteAllText(Path.Combine(index, OutputGeneration.JournalFile), journal);

        OutputGeneration.Recover(new OutputLayout(output));

        Assert.Equal("not staged", File.ReadAllText(outside));
        Assert.False(File.Exists(Path.Combine(_temp.Path, "outside.txt")));
        Assert.Equal("staged", File.ReadAllText(Path.Combine(output, "tables", "staged.md")));
        Assert.False(File.Exists(Path.Combine(index, OutputGeneration.JournalFile)));
    }

    [Fact]
    public void A_full_disk_is_one_line_and_the_last_generation_stays()
    {
        // A file size limit stands in for a full disk: writes past it fail with EFBIG (the signal ignored, as a shell's trap does).
        var corpus = Synthesize(3);
        var output = Path.Combine(_temp.Path, "out");
        CorpusBuild.Run(new CorpusLayout(corpus), output);
        var before = Snapshot(output);
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(corpus, 1, first: 3);

        // W^X off: the runtime maps its code through a file the limit would also cut short.
        var run = Shell($"trap '' XFSZ; ulimit -f 8; DOTNET_EnableWriteXorExecute=0 exec dotnet exec {Dll} build --corpus '{corpus}' --out '{output}'");
        Assert.Equal(1, run.Code);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("Reading", StringComparison.Ordinal));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("file size limit", line, StringComparison.Ordinal);
        Assert.Null(OutputGeneration.Inconsistency(new OutputLayout(output)));
        Assert.Equal(before["targets.jsonl"], File.ReadAllBytes(Path.Combine(output, "targets.jsonl")));
    }

    [Fact]
    public void An_add_that_fails_on_a_full_disk_leaves_nothing()
    {
        // The issue: a failed add left plans.txt and a 0-byte meta.json that blocked build, check and add.
        var corpus = Synthesize(2);
        var incoming = Path.Combine(_temp.Path, "incoming", "plans.txt");
        // A district's plan: add files a made-up place named in full (district, city, province) without a code.
        var synthesizer = new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus));
        var place = Enumerable.Range(5, 20).Select(i => synthesizer.WriteLoose(incoming, i).Place).First(p => p.District is not null);
        var where = $"--province '{place.Province}' --city '{place.City}'" + (place.District is { } d ? $" --district '{d}'" : "");
        string[] Listing() => [.. Directory.EnumerateFileSystemEntries(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        var before = Listing();

        var run = Shell($"trap '' XFSZ; ulimit -f 8; DOTNET_EnableWriteXorExecute=0 exec dotnet exec {Dll} add '{incoming}' --corpus '{corpus}' {where}");
        Assert.Equal(1, run.Code);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.True(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries) is [var line] && line.StartsWith("error: ", StringComparison.Ordinal), run.Err);
        Assert.Contains("file size limit", run.Err, StringComparison.Ordinal);
        Assert.Equal(before, Listing());

        string[] again = ["add", incoming, "--corpus", corpus, "--province", place.Province, "--city", place.City, .. place.District is { } district ? new[] { "--district", district } : []];
        Assert.Equal(0, CliRunner.Run(again).Code);
        Assert.Equal(3, new CorpusLayout(corpus).Documents().Count);
    }

    [Fact]
    public void A_replace_that_fails_on_a_full_disk_keeps_the_old_document()
    {
        // Review of issue 18: add --replace took the old plan out before writing the new one, so a full disk lost both.
        var corpus = Synthesize(2);
        var (incoming, old) = Incoming(corpus, "plans.txt");
        var (oldPlan, oldMeta) = (File.ReadAllBytes(old.FilePath), File.ReadAllBytes(Path.Combine(old.Folder, CorpusLayout.MetadataFile)));
        string[] add = ["add", incoming, "--corpus", corpus, "--replace", .. Where(old.Metadata)];

        var run = Shell($"trap '' XFSZ; ulimit -f 8; DOTNET_EnableWriteXorExecute=0 exec dotnet exec {Dll} {string.Join(' ', add.Select(a => $"'{a}'"))}");
        Assert.Equal(1, run.Code);
        Assert.Contains("file size limit", run.Err, StringComparison.Ordinal);
        Assert.Equal(oldPlan, File.ReadAllBytes(old.FilePath));
        Assert.Equal(oldMeta, File.ReadAllBytes(Path.Combine(old.Folder, CorpusLayout.MetadataFile)));
        Assert.Equal(2, new CorpusLayout(corpus).Documents().Count);

        Assert.Equal(0, CliRunner.Run(add).Code);
        Assert.Equal(File.ReadAllBytes(incoming), File.ReadAllBytes(old.FilePath));
        Assert.Equal(2, new CorpusLayout(corpus).Documents().Count);
    }

    [Fact]
    public void A_replace_by_a_plan_of_another_format_drops_the_old_file()
    {
        var corpus = Synthesize(2);
        var (incoming, old) = Incoming(corpus, "plans.md");

        var run = CliRunner.Run(["add", incoming, "--corpus", corpus, "--replace", .. Where(old.Metadata)]);

        Assert.True(run.Code == 0, run.Err);
        Assert.False(File.Exists(old.FilePath));
        var now = Assert.Single(new CorpusLayout(corpus).Documents(), d => d.Folder == old.Folder);
        Assert.Equal("plans.md", now.Metadata.File);
        Assert.Equal(File.ReadAllBytes(incoming), File.ReadAllBytes(now.FilePath));
    }

    // The corpus's document 0 as it would come in again, with one more measure: same district, other bytes.
    private (string Incoming, CorpusDocument Old) Incoming(string corpus, string name)
    {
        var incoming = Path.Combine(_temp.Path, "incoming", name);
        var place = new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteLoose(incoming, 0).Place;
        File.AppendAllText(incoming, "\n（三）提高妇女参与社会事务管理的比例。\n");
        var old = Assert.Single(new CorpusLayout(corpus).Documents(), d => d.Metadata.City == place.City && d.Metadata.District == place.District);
        Assert.NotEqual(File.ReadAllBytes(old.FilePath), File.ReadAllBytes(incoming));
        return (incoming, old);
    }

    private static string[] Where(CorpusMetadata place) =>
        [.. place.Province is { } p ? new[] { "--province", p } : [], .. place.City is { } c ? new[] { "--city", c } : [], .. place.District is { } d ? new[] { "--district", d } : []];

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_read_only_output_folder_is_one_line()
    {
        var corpus = Synthesize(2);
        var output = Path.Combine(_temp.Path, "out");
        Directory.CreateDirectory(output);
        File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var folder in new[] { _temp.Path, corpus })
        {
            File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        // Root writes anywhere, so as root the build runs as nobody (setpriv), who may not write there.
        var command = $"dotnet exec {Dll} build --corpus '{corpus}' --out '{output}'";
        var run = Shell(Environment.UserName == "root" ? $"HOME=/tmp DOTNET_CLI_HOME=/tmp exec setpriv --reuid=65534 --regid=65534 --clear-groups {command}" : "exec " + command);
        Assert.Equal(1, run.Code);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("Reading", StringComparison.Ordinal));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("denied", line, StringComparison.Ordinal);
    }

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "planextract.dll");

    private string Synthesize(int count)
    {
        var corpus = Path.Combine(_temp.Path, "corpus");
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(corpus, count);
        return corpus;
    }

    // A full build of the corpus as it is now, into a folder of its own: what any repaired output must equal.
    private Dictionary<string, byte[]> Reference(string corpus)
    {
        var folder = Path.Combine(_temp.Path, "reference-" + Guid.NewGuid().ToString("N")[..6]);
        CorpusBuild.Run(new CorpusLayout(corpus), folder, new BuildOptions(Full: true));
        return Snapshot(folder);
    }

    // The outputs a reader sees: targets.jsonl and the tables.
    private static Dictionary<string, byte[]> Snapshot(string output) =>
        new[] { "targets.jsonl" }
            .Concat(Directory.EnumerateFiles(Path.Combine(output, "tables")).Select(f => "tables/" + Path.GetFileName(f)))
            .ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(output, p)));

    private static void AssertSame(Dictionary<string, byte[]> expected, string output)
    {
        Assert.Null(OutputGeneration.Inconsistency(new OutputLayout(output)));
        var actual = Snapshot(output);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from a full build's");
        }

        var index = Path.Combine(output, "index");
        Assert.Single(Directory.GetDirectories(index, "g*"));
        Assert.Empty(Directory.GetDirectories(index, "pending-*"));
    }

    private static (byte[] Bytes, string What) Damage(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        switch (random.Next(3))
        {
            case 0:
                var length = random.Next(copy.Length);
                return (copy[..length], $"truncated to {length} of {copy.Length} bytes");
            case 1:
                var at = random.Next(copy.Length);
                copy[at] ^= (byte)(1 + random.Next(255));
                return (copy, $"byte {at} of {copy.Length} flipped");
            default:
                var start = random.Next(copy.Length);
                var count = Math.Min(copy.Length - start, 1 + random.Next(64));
                Array.Clear(copy, start, count);
                return (copy, $"{count} bytes zeroed at {start}");
        }
    }

    private int RunBuild(string corpus, string output, TimeSpan? killAfter, bool killOnJournal)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", Dll, "build", "--corpus", corpus, "--out", output })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PLANEXTRACT_LOG_DIR"] = Path.Combine(_temp.Path, "logs");
        var journal = Path.Combine(output, "index", OutputGeneration.JournalFile);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (killOnJournal)
        {
            while (!process.HasExited && !File.Exists(journal))
            {
                Thread.Sleep(1);
            }

            process.Kill(entireProcessTree: true);
        }
        else if (killAfter is { } moment && !process.WaitForExit(moment))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        if (killAfter is null && process.ExitCode != 0)
        {
            log.WriteLine(stderr.GetAwaiter().GetResult());
        }

        return process.ExitCode;
    }

    private (int Code, string Err) Shell(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = _temp.Path };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["PLANEXTRACT_LOG_DIR"] = Path.Combine(Path.GetTempPath(), "planextract-logs-" + Guid.NewGuid().ToString("N")[..6]);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return (process.ExitCode, stderr.GetAwaiter().GetResult());
    }
}
