using PlanExtract.Corpus;
using PlanExtract.Indexing;
using PlanExtract.Reporting;

namespace PlanExtract.Build;

/// <summary>
/// The whole build in one call: every corpus document through the pipeline, into the search index
/// and <c>targets.jsonl</c> in one streaming pass, then the tables. A broken document is reported
/// by name and the rest still build.
/// </summary>
public static class CorpusBuild
{
    /// <summary>
    /// Builds <c>OUT/targets.jsonl</c>, the index <c>OUT/index/</c> and <c>OUT/tables/</c>. When an
    /// index built by this same pipeline exists, only documents whose content changed are re-read:
    /// the others keep their index entries and their lines of targets.jsonl.
    /// </summary>
    public static BuildSummary Run(CorpusLayout corpus, string outputFolder, BuildOptions? options = null, IProgress<BuildProgress>? progress = null)
    {
        options ??= new BuildOptions();
        var pipeline = Pipeline.ForCorpus(corpus.Root);
        var summary = Index(new CorpusReader(options.Limits is null ? pipeline : pipeline.WithLimits(options.Limits)), corpus, new OutputLayout(outputFolder), options.Full, progress);
        if (options.Tables)
        {
            CrossReferenceTables.WriteMarkdown(outputFolder, summary.Records());
        }

        return summary;
    }

    /// <summary>Reads what changed, indexes it and writes targets.jsonl and records.jsonl; no tables.</summary>
    internal static BuildSummary Index(CorpusReader reader, CorpusLayout corpus, OutputLayout output, bool full, IProgress<BuildProgress>? progress)
    {
        var documents = corpus.Documents();
        Directory.CreateDirectory(output.Root);
        var fingerprint = ChangeDetection.Fingerprint(corpus);
        using var index = (full ? null : CorpusIndex.OpenForUpdate(output.Index, fingerprint)) ?? CorpusIndex.Create(output.Index, fingerprint);
        var previousTargets = index.Incremental ? SourceRuns.Load(output.Targets) : SourceRuns.None;
        var previousRecords = index.Incremental ? SourceRuns.Load(output.Records) : SourceRuns.None;

        var kept = documents.Select(d => ChangeDetection.Unchanged(d, index.Previous, previousTargets, previousRecords)).ToList();
        var present = documents.Select(d => d.Source).ToHashSet(StringComparer.Ordinal);
        var removed = index.Previous.Documents.Keys.Where(s => !present.Contains(s)).ToList();
        foreach (var source in removed)
        {
            index.Remove(source);
        }

        var toRead = documents.Where((_, i) => kept[i] is null).ToList();
        foreach (var document in toRead.Where(d => index.Previous.Documents.ContainsKey(d.Source)))
        {
            index.Remove(document.Source);
        }

        var built = new List<BuiltDocument>(documents.Count);
        var records = index.Incremental ? null : new List<DocumentResult>(documents.Count);
        using (var fresh = reader.ReadStamped(toRead, progress).GetEnumerator())
        using (var targetsOut = new FileStream(output.Targets + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var recordsOut = new FileStream(output.Records + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                if (kept[i] is { } entry)
                {
                    previousTargets.CopyTo(document.Source, targetsOut);
                    previousRecords.CopyTo(document.Source, recordsOut);
                    built.Add(new BuiltDocument(document, entry.Plans, entry.Targets, entry.Error, Reread: false));
                    continue;
                }

                fresh.MoveNext();
                var (result, stamp) = fresh.Current;
                index.Add(result, stamp);
                var targets = result.Plans?.AllTargets().ToList() ?? [];
                JsonOutput.WriteJsonLines(targetsOut, targets);
                var slim = RecordStore.Slim(result);
                RecordStore.Write(recordsOut, slim);
                records?.Add(slim);
                built.Add(new BuiltDocument(document, result.Plans?.Plans.Count ?? 0, targets.Count, result.Error, Reread: true));
            }
        }

        if (removed.Count > 0)
        {
            // A district that left the corpus would otherwise stay in the doc values that list the
            // districts for --district until a merge happens to drop it. A changed document keeps
            // its name, so only removals pay for this.
            index.MergeDeletes();
        }

        index.Commit();
        File.Move(output.Targets + ".tmp", output.Targets, overwrite: true);
        File.Move(output.Records + ".tmp", output.Records, overwrite: true);
        return new BuildSummary(built, records is null ? () => RecordStore.Load(output.Records, documents) : () => records, index.Incremental);
    }
}
