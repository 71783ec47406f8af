namespace PlanExtract.Corpus;

/// <summary>One document of a check: what it gave, and its report (null when it could not be read).</summary>
public sealed record CheckedDocument(DocumentResult Result, ValidationReport? Report);

/// <summary>What <see cref="CorpusCheck.Run"/> found across the corpus.</summary>
public sealed record CheckSummary(IReadOnlyList<CheckedDocument> Documents)
{
    public int Targets => Documents.Sum(d => d.Result.Plans?.AllTargets().Count() ?? 0);

    /// <summary>Unreadable documents count as one error each.</summary>
    public int Errors => Documents.Sum(d => d.Report is null ? 1 : d.Report.Findings.Count(f => f.Severity == Severity.Error));

    public int Warnings => Documents.Sum(d => d.Report?.Findings.Count(f => f.Severity == Severity.Warning) ?? 0);
}

/// <summary><c>check</c>: every document read and validated against the template and the corpus median.</summary>
public static class CorpusCheck
{
    public static CheckSummary Run(CorpusLayout corpus, IProgress<BuildProgress>? progress = null, Reading.ReadLimits? limits = null)
    {
        var pipeline = Pipeline.ForCorpus(corpus.Root);
        pipeline = limits is null ? pipeline : pipeline.WithLimits(limits);
        var results = new CorpusReader(pipeline).ReadAll(corpus, progress);
        var median = CorpusValidator.MedianTargetsPerDomain(results.Where(r => r.Plans is not null).Select(r => r.Plans!));
        return new CheckSummary([.. results.Select(r => new CheckedDocument(r, r.Failed ? null : CorpusValidator.Validate(r.Plans!, median, pipeline.Indicators)))]);
    }
}
