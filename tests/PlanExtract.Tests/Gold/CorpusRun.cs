using PlanExtract.Corpus;
using PlanExtract.Model;

namespace PlanExtract.Tests.Gold;

/// <summary>The corpus read once through the whole pipeline, shared by the gold tests.</summary>
public sealed class CorpusRun
{
    public CorpusRun()
    {
        var layout = new CorpusLayout(RepoPaths.Corpus);
        Documents = [.. layout.Documents().Select(d => (d, Pipeline.Default.Read(d.FilePath, d.Source, d.Metadata.DisplayName)))];
    }

    public IReadOnlyList<(CorpusDocument Document, PlanDocument Plans)> Documents { get; }
}
