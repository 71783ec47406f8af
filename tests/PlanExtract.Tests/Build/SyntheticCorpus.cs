using PlanExtract.Benchmarking;
using PlanExtract.Corpus;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Build;

/// <summary>A corpus synthesized from the repository's into a temporary folder, and the output folder beside it that a build writes.</summary>
internal sealed class SyntheticCorpus : IDisposable
{
    private readonly TempFolder _temp = new();

    public SyntheticCorpus(int documents)
    {
        Root = System.IO.Path.Combine(_temp.Path, "corpus");
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(Root, documents);
        Layout = new CorpusLayout(Root);
        Output = System.IO.Path.Combine(_temp.Path, "output");
    }

    /// <summary>The temporary folder holding both, for more folders a test needs.</summary>
    public string Path => _temp.Path;

    public string Root { get; }

    public CorpusLayout Layout { get; }

    public string Output { get; }

    public void Dispose() => _temp.Dispose();
}
