using PlanExtract.Corpus;
using PlanExtract.Indicators;

namespace PlanExtract.Tests.Reporting;

/// <summary>The corpus read once through the pipeline with its own catalog, shared by the table and matcher tests.</summary>
internal static class CorpusResults
{
    private static readonly Lazy<IReadOnlyList<DocumentResult>> _all = new(() =>
        new CorpusReader(Pipeline.ForCorpus(RepoPaths.Corpus)).ReadAll(new CorpusLayout(RepoPaths.Corpus)));

    public static IReadOnlyList<DocumentResult> All => _all.Value;

    public static IndicatorCatalog Catalog { get; } = IndicatorCatalog.Load(Path.Combine(RepoPaths.Corpus, IndicatorCatalog.FileName));

    public static IEnumerable<Model.Target> Targets => All.Where(r => r.Plans is not null).SelectMany(r => r.Plans!.AllTargets());
}
