using PlanExtract.Corpus;

namespace PlanExtract.Build;

/// <param name="Full">Re-read every document even when an index from this same pipeline exists.</param>
/// <param name="Tables">Write <c>tables/</c>; off for callers that time or skip the tables themselves (bench).</param>
/// <param name="MaxTableColumns">The most districts one table shows before the tables are split per province or city (lower only to try the split on a small corpus).</param>
public sealed record BuildOptions(bool Full = false, bool Tables = true, Reading.ReadLimits? Limits = null, int MaxTableColumns = Reporting.CountryTables.MaxDistrictColumns);

/// <summary>One document of a build: its counts, its error, and whether this build read it.</summary>
public sealed record BuiltDocument(CorpusDocument Document, int Plans, int Targets, string? Error, bool Reread);

/// <summary>What <see cref="CorpusBuild.Run"/> did.</summary>
/// <param name="Records">
/// Every document as the tables need it (slimmed by <see cref="RecordStore.Slim"/>), loaded from
/// <c>index/records.jsonl</c>, so a build that writes no tables does not pay for them and one that
/// does holds them only from its index commit on (read while the index commits and merges).
/// </param>
public sealed record BuildSummary(IReadOnlyList<BuiltDocument> Documents, Func<IReadOnlyList<DocumentResult>> Records, bool Incremental)
{
    public int Reread => Documents.Count(d => d.Reread);

    public int Failed => Documents.Count(d => d.Error is not null);

    /// <summary>Files and links under the corpus that are not part of a document, each left unread and reported.</summary>
    public IReadOnlyList<CorpusFinding> Findings { get; init; } = [];

    /// <summary>The outputs this build updates in place when it commits (none after a rewrite).</summary>
    internal IReadOnlyList<OutputGeneration.FilePatch> Patches { get; init; } = [];

    /// <summary>How many parts of a country's tables an update from the kept state made again; null when the tables were made whole (or not at all).</summary>
    public int? TablePartsUpdated { get; init; }

    /// <summary>
    /// The records of some documents as this build leaves them, read by their byte runs (staged,
    /// or in the live file for documents a patch keeps): only until the build commits.
    /// </summary>
    internal Func<IReadOnlyList<CorpusDocument>, IReadOnlyList<DocumentResult>> RecordsOf { get; init; } = _ => [];
}
