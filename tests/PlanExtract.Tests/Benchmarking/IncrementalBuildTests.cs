using System.Text.Json.Nodes;
using PlanExtract.Benchmarking;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Indexing;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Benchmarking;

public sealed class IncrementalBuildTests
{
    private static readonly BuildOptions NoTables = new(Tables: false);

    [Fact]
    public void A_second_build_rereads_only_the_changed_document_and_gives_the_same_output()
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "corpus");
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(root, 6);
        var layout = new CorpusLayout(root);
        var output = Path.Combine(temp.Path, "output");

        var first = CorpusBuild.Run(layout, output, NoTables);
        Assert.False(first.Incremental);
        Assert.Equal(6, first.Reread);

        var unchanged = CorpusBuild.Run(layout, output, NoTables);
        Assert.True(unchanged.Incremental);
        Assert.Equal(0, unchanged.Reread);

        var changed = layout.Documents()[2];
        File.WriteAllText(changed.FilePath, File.ReadAllText(changed.FilePath) + "\n");
        var second = CorpusBuild.Run(layout, output, NoTables);
        Assert.True(second.Incremental);
        Assert.Equal([changed.Source], second.Documents.Where(d => d.Reread).Select(d => d.Document.Source));

        // The incremental output equals a full build of the same corpus.
        var fullOutput = Path.Combine(temp.Path, "full");
        var full = CorpusBuild.Run(layout, fullOutput, new BuildOptions(Full: true, Tables: false));
        Assert.Equal(File.ReadAllText(Path.Combine(fullOutput, "targets.jsonl")), File.ReadAllText(Path.Combine(output, "targets.jsonl")));
        Assert.Equal(full.Records().Count, second.Records().Count);
        Assert.Equal(
            full.Records().SelectMany(r => r.Plans!.AllTargets()).Select(t => t.Text),
            second.Records().SelectMany(r => r.Plans!.AllTargets()).Select(t => t.Text));

        using var incremental = CorpusSearcher.Open(Path.Combine(output, "index"));
        using var rebuilt = CorpusSearcher.Open(Path.Combine(fullOutput, "index"));
        var request = new SearchRequest("孕产妇死亡率") { Limit = 1000 };
        Assert.Equal(rebuilt.Search(request).TotalHits, incremental.Search(request).TotalHits);
    }

    [Fact]
    public void A_removed_document_leaves_the_index_and_targets()
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "corpus");
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(root, 3);
        var layout = new CorpusLayout(root);
        var output = Path.Combine(temp.Path, "output");
        CorpusBuild.Run(layout, output, NoTables);

        var gone = layout.Documents()[0];
        Directory.Delete(gone.Folder, recursive: true);
        var second = CorpusBuild.Run(layout, output, NoTables);

        Assert.Equal(0, second.Reread);
        Assert.DoesNotContain(gone.Source, File.ReadAllText(Path.Combine(output, "targets.jsonl")));
        using var searcher = CorpusSearcher.Open(Path.Combine(output, "index"));
        Assert.DoesNotContain(gone.Metadata.DisplayName, searcher.Districts);
    }

    [Fact]
    public void Above_the_patch_size_an_update_blanks_and_appends_in_place_and_holds_the_full_builds_records()
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "corpus");
        var synthesizer = new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus));
        synthesizer.WriteCorpus(root, 8);
        var layout = new CorpusLayout(root);
        var output = Path.Combine(temp.Path, "output");
        CorpusBuild.Run(layout, output, NoTables);
        var targets = Path.Combine(output, "targets.jsonl");
        var lengthBefore = new FileInfo(targets).Length;

        // A witness linked to the file sees the update only if it is made in place, not by a new file moved over it.
        var witness = Path.Combine(temp.Path, "witness.jsonl");
        HardLinks.LinkOrCopy(targets, witness);
        RunsPatch.PatchAboveOverride = 0;
        try
        {
            var documents = layout.Documents();
            File.AppendAllText(documents[2].FilePath, "\n");
            Directory.Delete(documents[5].Folder, recursive: true);
            synthesizer.WriteCorpus(root, 1, first: 8);
            var update = CorpusBuild.Run(layout, output, NoTables);
            Assert.True(update.Incremental);
            Assert.Equal(2, update.Reread);
            Assert.Equal(File.ReadAllBytes(targets), File.ReadAllBytes(witness));
            Assert.True(new FileInfo(targets).Length > lengthBefore, "the new lines are appended after the old bytes");

            var fullOutput = Path.Combine(temp.Path, "full");
            var full = CorpusBuild.Run(layout, fullOutput, new BuildOptions(Full: true, Tables: false));
            var fullTargets = Path.Combine(fullOutput, "targets.jsonl");
            Assert.NotEqual(File.ReadAllText(fullTargets), File.ReadAllText(targets));
            Assert.Equal(Records(fullTargets), Records(targets));
            Assert.DoesNotContain(documents[5].Source, File.ReadAllText(targets));

            // The tables read the records in corpus order, as after a full build.
            Assert.Equal(full.Records().Select(r => r.Document.Source), update.Records().Select(r => r.Document.Source));
            Assert.Equal(full.Records().SelectMany(r => r.Plans!.AllTargets()).Select(t => t.Text), update.Records().SelectMany(r => r.Plans!.AllTargets()).Select(t => t.Text));
            using (var incremental = CorpusSearcher.Open(Path.Combine(output, "index")))
            using (var rebuilt = CorpusSearcher.Open(Path.Combine(fullOutput, "index")))
            {
                var request = new SearchRequest("孕产妇死亡率") { Limit = 1000 };
                Assert.Equal(rebuilt.Search(request).TotalHits, incremental.Search(request).TotalHits);
            }

            // An update that would leave more than a quarter of the file blank rewrites it in corpus order: a full build's bytes.
            foreach (var document in layout.Documents().Take(3))
            {
                Directory.Delete(document.Folder, recursive: true);
            }

            CorpusBuild.Run(layout, output, NoTables);
            CorpusBuild.Run(layout, fullOutput, new BuildOptions(Full: true, Tables: false));
            Assert.Equal(File.ReadAllText(fullTargets), File.ReadAllText(targets));
            Assert.Null(OutputGeneration.Inconsistency(new OutputLayout(output)));
        }
        finally
        {
            RunsPatch.PatchAboveOverride = null;
        }
    }

    [Fact]
    public void A_patch_blanks_removed_runs_into_the_line_before_or_after_and_keeps_every_line_one_object()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "t.jsonl");
        string[] lines = ["{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "{\"d\":4}"];
        File.WriteAllText(path, string.Join("", lines.Select(l => l + "\n")));
        var runsPath = path + ".runs";
        using (var stream = new MemoryStream())
        {
            var recorder = new SourceRuns.Recorder(stream);
            foreach (var (line, source) in lines.Zip(new[] { "A", "B", "C", "D" }))
            {
                recorder.Write(source, 1, s => s.Write(System.Text.Encoding.UTF8.GetBytes(line + "\n")));
            }

            recorder.Save(runsPath);
        }

        // A (the first) and C go: A's bytes lead B's line, C's trail it.
        using (var runs = SourceRuns.Load(path, runsPath))
        {
            var patch = RunsPatch.Plan(runs, new HashSet<string>(["B", "D"]))!;
            File.WriteAllText(path + ".append", "{\"e\":5}\n");
            new OutputGeneration.FilePatch("t.jsonl", patch.Length, patch.Blanks, "t.jsonl.append").Apply(path, path + ".append");
            Assert.Equal(0, patch.Kept["B"].Start);
            Assert.Equal(patch.Kept["D"].Start, patch.Kept["B"].End);
            Assert.Equal(new FileInfo(path).Length - 8, patch.Kept["D"].End);
            Assert.Equal(16, patch.Dead);
        }

        var text = File.ReadAllText(path);
        Assert.Equal("        {\"b\":2}        \n{\"d\":4}\n{\"e\":5}\n", text);
        Assert.Equal(["{\"b\":2}", "{\"d\":4}", "{\"e\":5}"], text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.ToJsonString()));
    }

    [Fact]
    public void A_table_whose_text_did_not_change_is_not_written_again_and_a_stale_one_goes()
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "corpus");
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(root, 3);
        var layout = new CorpusLayout(root);
        var output = Path.Combine(temp.Path, "output");
        CorpusBuild.Run(layout, output);
        var women = Path.Combine(output, "tables", "women.md");
        var written = File.GetLastWriteTimeUtc(women);
        var stale = Path.Combine(output, "tables", "某省", "某市", "women.md");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "old");

        CorpusBuild.Run(layout, output);

        Assert.Equal(written, File.GetLastWriteTimeUtc(women));
        Assert.False(File.Exists(stale));
        Assert.False(Directory.Exists(Path.Combine(output, "tables", "某省")));
        Assert.Null(OutputGeneration.Inconsistency(new OutputLayout(output)));
    }

    // Each line's JSON as one canonical string, sorted: the records, whatever their order and the blanks around them.
    private static List<string> Records(string path) =>
        [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.ToJsonString()).Order(StringComparer.Ordinal)];
}
