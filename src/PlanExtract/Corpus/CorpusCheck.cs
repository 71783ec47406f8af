namespace PlanExtract.Corpus;

/// <summary>One document of a check: what it gave, and its report (null when it could not be read).</summary>
/// <param name="Result">The document and its error; its tree is not kept (a country's trees would not fit the memory budget).</param>
/// <param name="Targets">How many targets it gave.</param>
public sealed record CheckedDocument(DocumentResult Result, ValidationReport? Report, int Targets);

/// <summary>What <see cref="CorpusCheck.Run"/> found across the corpus.</summary>
/// <param name="Findings">Files and links under the corpus that are not part of a document: each one an error.</param>
public sealed record CheckSummary(IReadOnlyList<CheckedDocument> Documents, IReadOnlyList<CorpusFinding> Findings)
{
    public int Targets => Documents.Sum(d => d.Targets);

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
        var documents = inventory.Documents;
        var reader = new CorpusReader(pipeline);

        // Each tree is cut down to its draft report as soon as it is read, on every core; the
        // corpus's norms need every document, so the findings are made once all are drafted.
        var drafts = new (DocumentResult Result, ValidationDraft? Draft)[documents.Count];
        var done = 0;
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var result = reader.ReadOne(documents[i]);
            drafts[i] = (result with { Plans = null }, result.Plans is { } tree ? CorpusValidator.Draft(tree, pipeline.Indicators) : null);
            progress?.Report(new BuildProgress(Interlocked.Increment(ref done), documents.Count, documents[i].Source));
        });

        var norms = DomainNorms.Of(drafts.Select(d => d.Draft).OfType<ValidationDraft>().SelectMany(d => d.Report.Plans));
        return new CheckSummary([.. drafts.Select(d => new CheckedDocument(d.Result, d.Draft is { } draft ? Finish(draft, norms, d.Result.Document, corpus) : null, d.Draft?.Targets ?? 0))], inventory.Findings);
    }

    private static ValidationReport Finish(ValidationDraft draft, DomainNorms norms, CorpusDocument document, CorpusLayout corpus)
    {
        var report = draft.Finish(norms);
        var folders = Path.GetRelativePath(corpus.Root, document.Folder).Split(Path.DirectorySeparatorChar);
        var divisions = DivisionCheck.Check(Gazetteer.Default, folders, document.Metadata);
        return divisions.Count == 0 ? report : report with { Findings = [.. divisions, .. report.Findings] };
    }
}
