namespace PlanExtract.Corpus;

/// <summary>One document of a check: what it gave, and its report (null when it could not be read).</summary>
public sealed record CheckedDocument(DocumentResult Result, ValidationReport? Report);

/// <summary>What <see cref="CorpusCheck.Run"/> found across the corpus.</summary>
/// <param name="Findings">Files and links under the corpus that are not part of a document: each one an error.</param>
public sealed record CheckSummary(IReadOnlyList<CheckedDocument> Documents, IReadOnlyList<CorpusFinding> Findings)
{
    public int Targets => Documents.Sum(d => d.Result.Plans?.AllTargets().Count() ?? 0);

    /// <summary>Unreadable documents count as one error each.</summary>
    public int Errors => Findings.Count + Documents.Sum(d => d.Report is null ? 1 : d.Report.Findings.Count(f => f.Severity == Severity.Error));

    public int Warnings => Documents.Sum(d => d.Report?.Findings.Count(f => f.Severity == Severity.Warning) ?? 0);
}

/// <summary>
/// <c>check</c>: every file under the corpus accounted for, every document read and validated
/// against the template, the plans of its kind domain by domain, and the gazetteer.
/// </summary>
public static class CorpusCheck
{
    public static CheckSummary Run(CorpusLayout corpus, IProgress<BuildProgress>? progress = null, Reading.ReadLimits? limits = null)
    {
        var pipeline = Pipeline.ForCorpus(corpus.Root);
        pipeline = limits is null ? pipeline : pipeline.WithLimits(limits);
        var inventory = corpus.Inventory();
        var results = new CorpusReader(pipeline).ReadAll(inventory.Documents, progress);
        var norms = DomainNorms.Of(results.Where(r => r.Plans is not null).Select(r => r.Plans!));
        return new CheckSummary([.. results.Select(r => new CheckedDocument(r, r.Failed ? null : Validate(r, norms, pipeline, corpus)))], inventory.Findings);
    }

    private static ValidationReport Validate(DocumentResult result, DomainNorms norms, Pipeline pipeline, CorpusLayout corpus)
    {
        var report = CorpusValidator.Validate(result.Plans!, norms, pipeline.Indicators);
        var folders = Path.GetRelativePath(corpus.Root, result.Document.Folder).Split(Path.DirectorySeparatorChar);
        var divisions = DivisionCheck.Check(Gazetteer.Default, folders, result.Document.Metadata);
        return divisions.Count == 0 ? report : report with { Findings = [.. divisions, .. report.Findings] };
    }
}
