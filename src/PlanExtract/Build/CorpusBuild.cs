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
        try
        {
            return Publish(corpus, new OutputLayout(outputFolder), options ?? new BuildOptions(), progress);
        }
        catch (Exception e) when (FileTooLarge(e) is { } tooLarge)
        {
            throw new PlanExtractException($"{outputFolder}: cannot write the outputs: a file would pass the file size limit ({tooLarge.Message.Split(" (")[0]})", e);
        }
    }

    // EFBIG: .NET words a write past the file size limit as an argument error thrown by its file
    // I/O; it is the file system's answer, not a bug. The tables' parallel writers wrap it.
    private static ArgumentOutOfRangeException? FileTooLarge(Exception e) => e switch
    {
        ArgumentOutOfRangeException { TargetSite.DeclaringType: { } thrower } a when thrower.FullName == "Interop" || thrower.Namespace == "System.IO" => a,
        AggregateException a => a.Flatten().InnerExceptions.Select(FileTooLarge).FirstOrDefault(x => x is not null),
        _ => null,
    };

    // Everything is staged first; the outputs change only in OutputGeneration.Commit, all together.
    private static BuildSummary Publish(CorpusLayout corpus, OutputLayout output, BuildOptions options, IProgress<BuildProgress>? progress)
    {
        var pipeline = Pipeline.ForCorpus(corpus.Root);
        Directory.CreateDirectory(output.Index);
        OutputGeneration.Recover(output);
        var pending = OutputGeneration.StartPending(output);
        BuildSummary summary;
        string generation;
        TableFiles? tables = null;
        try
        {
            (summary, generation) = Index(new CorpusReader(options.Limits is null ? pipeline : pipeline.WithLimits(options.Limits)), corpus, output, pending, options.Full, progress, recordsWanted: options.Tables);
            if (options.Tables)
            {
                tables = CrossReferenceTables.WriteMarkdown(pending, output.Root, summary.Records());
            }
        }
        catch
        {
            OutputGeneration.Abandon(pending);
            throw;
        }

        // Tables whose text did not change stay where they are; those of a part the corpus no longer has go.
        OutputGeneration.Commit(output, pending, generation, tables?.Unchanged, tables is null ? null : CrossReferenceTables.Stale(output.Root, tables.All), summary.Patches);
        return summary;
    }

    // The last build's lines of a file, when the index is updated in place and the file and its runs are as that build wrote them.
    private static SourceRuns Previous(OutputLayout output, OutputGeneration.Verified last, CorpusIndexWriter index, string file) =>
        index.Incremental && last.Holds(output, file) && last.Holds(output, output.RunsOf(file)) ? SourceRuns.Load(file, output.RunsOf(file)) : SourceRuns.None;

    /// <summary>
    /// Reads what changed, indexes it into a new generation (committed, not yet live) and stages
    /// targets.jsonl and records.jsonl in <paramref name="pending"/>; no tables.
    /// </summary>
    /// <param name="recordsWanted">The tables follow: the records are read back while the index commits and merges.</param>
    internal static (BuildSummary Summary, string Generation) Index(CorpusReader reader, CorpusLayout corpus, OutputLayout output, string pending, bool full, IProgress<BuildProgress>? progress, bool recordsWanted = false)
    {
        var inventory = corpus.Inventory();
        var documents = inventory.Documents;
        var fingerprint = ChangeDetection.Fingerprint(corpus);
        // What the last build left and still stands: a changed or damaged output is re-made, an index not the last build's is rebuilt.
        var last = OutputGeneration.Verify(output);
        using var index = (full || !last.Index ? null : CorpusIndex.OpenForUpdate(output.Index, fingerprint)) ?? CorpusIndex.Create(output.Index, fingerprint);
        using var previousTargets = Previous(output, last, index, output.Targets);
        using var previousRecords = Previous(output, last, index, output.Records);

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

        // Documents that keep their lines; the others' lines are blanked (patch) or left out (rewrite).
        var keep = documents.Where((_, i) => kept[i] is not null).Select(d => d.Source).ToHashSet(StringComparer.Ordinal);
        var (targetsPatch, recordsPatch) = (RunsPatch.Plan(previousTargets, keep), RunsPatch.Plan(previousRecords, keep));
        var patching = index.Incremental && targetsPatch is { Worthwhile: true } && recordsPatch is { Worthwhile: true };
        var stagedTargets = patching ? Path.Combine(pending, OutputGeneration.AppendFolder, OutputLayout.TargetsFile) : OutputGeneration.Staged(output, pending, output.Targets);
        var stagedRecords = patching ? Path.Combine(pending, OutputGeneration.AppendFolder, Path.GetFileName(output.Records)) : OutputGeneration.Staged(output, pending, output.Records);
        Directory.CreateDirectory(Path.GetDirectoryName(stagedTargets)!);
        Directory.CreateDirectory(Path.GetDirectoryName(stagedRecords)!);
        Directory.CreateDirectory(Path.GetDirectoryName(OutputGeneration.Staged(output, pending, output.RunsOf(output.Records)))!);
        var built = new List<BuiltDocument>(documents.Count);
        // Indexed on the worker that read it, so indexing runs on every core (one thread indexing
        // behind the readers held the build to 1.3 cores); the outputs below stay in corpus order.
        using (var fresh = reader.ReadStamped(toRead, progress, (place, result, stamp) => index.Add(result, stamp, place)).GetEnumerator())
        using (var targetsOut = new FileStream(stagedTargets, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var recordsOut = new FileStream(stagedRecords, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var (targetRuns, recordRuns) = patching
                ? (new SourceRuns.Recorder(targetsOut, targetsPatch!.Length), new SourceRuns.Recorder(recordsOut, recordsPatch!.Length))
                : (new SourceRuns.Recorder(targetsOut), new SourceRuns.Recorder(recordsOut));
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                if (kept[i] is { } entry)
                {
                    if (patching)
                    {
                        targetRuns.Keep(targetsPatch!.Kept[document.Source]);
                        recordRuns.Keep(recordsPatch!.Kept[document.Source]);
                    }
                    else
                    {
                        targetRuns.Write(document.Source, entry.Targets, stream => previousTargets.CopyTo(document.Source, stream));
                        recordRuns.Write(document.Source, 1, stream => previousRecords.CopyTo(document.Source, stream));
                    }

                    built.Add(new BuiltDocument(document, entry.Plans, entry.Targets, entry.Error, Reread: false));
                    continue;
                }

                fresh.MoveNext();
                var (result, _) = fresh.Current;
                var targets = result.Plans?.AllTargets().ToList() ?? [];
                targetRuns.Write(document.Source, targets.Count, stream => JsonOutput.WriteJsonLines(stream, targets));
                var slim = RecordStore.Slim(result);
                recordRuns.Write(document.Source, 1, stream => RecordStore.Write(stream, slim));
                built.Add(new BuiltDocument(document, result.Plans?.Plans.Count ?? 0, targets.Count, result.Error, Reread: true));
            }

            targetRuns.Save(OutputGeneration.Staged(output, pending, output.RunsOf(output.Targets)));
            recordRuns.Save(OutputGeneration.Staged(output, pending, output.RunsOf(output.Records)));
        }

        // Before the commit the records are staged (whole, or the lines a patch appends to the live
        // file, read after it so a changed document's new record wins); after it they are in place.
        // A full build does not keep them in memory for the tables either: at 3,200 documents they
        // held some 300 MB through the whole index build, which took its peak over 1 GB. Read back
        // once the documents are indexed, they cost that only from the commit on; and read while
        // the index commits and waits for its merges, which leave a core idle, they cost no time.
        Func<IReadOnlyList<DocumentResult>> load = patching
            ? () => RecordStore.Load(File.Exists(stagedRecords) ? [output.Records, stagedRecords] : [output.Records], documents)
            : () => RecordStore.Load([File.Exists(stagedRecords) ? stagedRecords : output.Records], documents);
        var records = recordsWanted ? Task.Run(load) : null;

        // No forced merge of the deletions: the searcher lists only districts a live document holds
        // (GlobalOrdinals.LiveNames), and Lucene's merges reclaim the space as the index grows.
        string generation;
        try
        {
            generation = Path.GetFileName(index.CommitUnpublished());
        }
        catch when (records is not null)
        {
            // The staged records go with the failed build: the read must be over before they are deleted.
            records.ContinueWith(static t => t.Exception, TaskScheduler.Default).Wait();
            throw;
        }

        var summary = new BuildSummary(
            built,
            records is null ? load : () => records.GetAwaiter().GetResult(),
            index.Incremental)
        {
            Findings = inventory.Findings,
            Patches = patching
                ?
                [
                    new OutputGeneration.FilePatch(OutputLayout.TargetsFile, targetsPatch!.Length, targetsPatch.Blanks, Path.GetRelativePath(pending, stagedTargets).Replace(Path.DirectorySeparatorChar, '/')),
                    new OutputGeneration.FilePatch(Path.GetRelativePath(output.Root, output.Records).Replace(Path.DirectorySeparatorChar, '/'), recordsPatch!.Length, recordsPatch.Blanks, Path.GetRelativePath(pending, stagedRecords).Replace(Path.DirectorySeparatorChar, '/')),
                ]
                : [],
        };
        return (summary, generation);
    }
}
