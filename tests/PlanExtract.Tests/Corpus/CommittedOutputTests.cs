using PlanExtract.Build;
using PlanExtract.Corpus;

namespace PlanExtract.Tests.Corpus;

/// <summary>output/targets.jsonl is committed: it must be what the code now produces (run build and commit).</summary>
public sealed class CommittedOutputTests : IDisposable
{
    private readonly Cli.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Committed_targets_are_fresh()
    {
        var layout = new CorpusLayout(RepoPaths.Corpus);
        CorpusBuild.Run(layout, _temp.Path, new BuildOptions(Full: true, Tables: false));

        var expected = File.ReadAllText(Path.Combine(_temp.Path, "targets.jsonl"));
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "output", "targets.jsonl"));
        Assert.True(expected == committed, "output/targets.jsonl is stale: run 'dotnet run --project src/PlanExtract.Cli -- build' and commit output/");
    }
}
