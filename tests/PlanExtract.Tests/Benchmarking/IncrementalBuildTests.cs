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
}
