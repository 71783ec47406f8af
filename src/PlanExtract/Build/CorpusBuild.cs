using PlanExtract.Corpus;
using PlanExtract.Indexing;
using PlanExtract.Indicators;
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
    /// <param name="listed">The corpus as listed already (an add's <see cref="AddResult.Corpus"/>); listed here when null.</param>
    public static BuildSummary Run(CorpusLayout corpus, string outputFolder, BuildOptions? options = null, IProgress<BuildProgress>? progress = null, CorpusInventory? listed = null)
    {
        try
        {
            return Publish(corpus, new OutputLayout(outputFolder), options ?? new BuildOptions(), progress, listed);
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
    private static BuildSummary Publish(CorpusLayout corpus, OutputLayout output, BuildOptions options, IProgress<BuildProgress>? progress, CorpusInventory? listed)
    {
        var pipeline = Pipeline.ForCorpus(corpus.Root);
        Directory.CreateDirectory(output.Index);
        OutputGeneration.Recover(output);
        var pending = OutputGeneration.StartPending(output);
        BuildSummary summary;
        string generation;
        TableFiles? tables = null;
        Task<KeptTables?>? keptTables = null;
        Task<IReadOnlyList<string>>? publishedTables = null;
        OutputGeneration.Verified last;
        try
        {
            // The corpus listing and the check of the last outputs read different files: both cores at once.
            var listing = listed is null ? Task.Run(corpus.Inventory) : Task.FromResult(listed);
            last = OutputGeneration.Verify(output);
            var inventory = listing.GetAwaiter().GetResult();
            // A kept table state lets the tables be updated part by part, so the records are then not all read.
            var stateKept = options.Tables && !options.Full && last.Holds(output, output.TableState);
            if (stateKept)
            {
                // Read and folded while the index is updated: it needs nothing of it, and an update's index step leaves a core idle.
                keptTables = Task.Run(() => KeptTables.Load(output, inventory.Documents, CrossReferenceTables.CatalogOf(inventory.Documents)));
            }

            // The published tables, walked while the index is updated: the walk reads only them, and
            // they change only at the commit (every city's folder: 0.1 s at 3,200 districts).
            publishedTables = options.Tables ? Task.Run(() => CrossReferenceTables.Published(output.Root)) : null;
            (summary, generation) = Index(new CorpusReader(options.Limits is null ? pipeline : pipeline.WithLimits(options.Limits)), corpus, output, pending, options.Full, progress, last, recordsWanted: options.Tables && !stateKept, inventory);
            if (options.Tables)
            {
                (tables, var parts) = Tables(corpus, output, pending, summary, options, stateKept ? last : null, keptTables);
                summary = summary with { TablePartsUpdated = parts };
            }
        }
        catch
        {
            // The state's read must be over before the staged build goes (a failed index step leaves it running).
            keptTables?.ContinueWith(static t => t.Exception, TaskScheduler.Default).Wait();
            publishedTables?.ContinueWith(static t => t.Exception, TaskScheduler.Default).Wait();
            OutputGeneration.Abandon(pending);
            throw;
        }

        // Tables whose text did not change stay where they are; those of a part the corpus no longer has go, and a state no longer kept.
        var removed = tables is null ? null : CrossReferenceTables.Stale(publishedTables!.GetAwaiter().GetResult(), tables.All).Concat(StaleState(output, pending)).ToList();
        OutputGeneration.Commit(output, pending, generation, tables?.Unchanged, removed, summary.Patches, last);
        return summary;
    }

    /// <summary>
    /// Stages the tables and the state the next update starts from: part by part from the last
    /// build's state when it is kept and can give them (<see cref="CountryTableUpdate"/>), else
    /// whole from every record.
    /// </summary>
    private static (TableFiles Files, int? PartsUpdated) Tables(CorpusLayout corpus, OutputLayout output, string pending, BuildSummary summary, BuildOptions options, OutputGeneration.Verified? last, Task<KeptTables?>? keptTables)
    {
        var documents = summary.Documents.Select(d => d.Document).ToList();
        // Waited for even when not used (the index was rebuilt): the read must be over before the commit moves a new state over the file.
        var keptRead = keptTables?.GetAwaiter().GetResult();
        var sameDocuments = keptRead is not null && keptRead.Documents.SequenceEqual(documents);
        // The catalog file the kept state was folded with is read once, not again here.
        var catalog = sameDocuments ? keptRead!.Catalog : CrossReferenceTables.CatalogOf(documents);
        var now = new TableState(ChangeDetection.Fingerprint(corpus), TableState.PlaceOf(corpus.Root, output.Root, options.MaxTableColumns), []);
        var staged = OutputGeneration.Staged(output, pending, output.TableState);
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        if (last is not null && summary.Incremental && sameDocuments && keptRead is { } kept)
        {
            var reread = summary.Documents.Where(d => d.Reread).Select(d => d.Document.Source).ToHashSet(StringComparer.Ordinal);
            var update = CountryTableUpdate.TryWrite(pending, output.Root, kept.State, now, documents, reread, summary.RecordsOf, catalog, options.MaxTableColumns, last.Files.Contains, kept.Layouts, kept.Stamps, staged);
            if (update is not null)
            {
                return (update.Files, update.PartsWritten);
            }

            // Saved by an update that then gave up: the whole rewrite keeps its own, or none.
            File.Delete(staged);
        }

        var records = summary.Records();
        var tables = CrossReferenceTables.WriteMarkdown(pending, records, catalog, options.MaxTableColumns, linkOutputFolder: output.Root);
        if (tables.All.Any(f => Path.GetFileName(f).StartsWith(CountryTables.SummaryPrefix, StringComparison.Ordinal)))
        {
            // Only a split country's tables are updated from a state; one table is remade whole in no time.
            TableState.Of(now.Fingerprint, now.Place, records, catalog).Save(staged);
        }

        return (tables, null);
    }

    /// <summary>The last build's table state and its row layouts, read and folded, and the stamps of the documents the corpus now lists.</summary>
    private sealed record KeptTables(TableState State, IReadOnlyList<RowLayout> Layouts, IReadOnlyList<string> Stamps, IReadOnlyList<CorpusDocument> Documents, IndicatorCatalog Catalog)
    {
        public static KeptTables? Load(OutputLayout output, IReadOnlyList<CorpusDocument> documents, IndicatorCatalog catalog) =>
            TableState.Load(output.TableState, documents) is { } state
                ? new KeptTables(state, CountryTableUpdate.LastLayouts(state, catalog), [.. documents.Select(DistrictState.StampOf)], documents, catalog)
                : null;
    }

    // The last build's state, when this one keeps none (its tables are one table now).
    private static IEnumerable<string> StaleState(OutputLayout output, string pending) =>
        File.Exists(output.TableState) && !File.Exists(OutputGeneration.Staged(output, pending, output.TableState))
            ? [RelativePath.Of(output.Root, output.TableState)]
            : [];

    // The last build's lines of a file, when the index is updated in place and the file and its runs are as that build wrote them.
    private static SourceRuns Previous(OutputLayout output, OutputGeneration.Verified last, CorpusIndexWriter index, string file) =>
        index.Incremental && last.Holds(output, file) && last.Holds(output, output.RunsOf(file)) ? SourceRuns.Load(file, output.RunsOf(file)) : SourceRuns.None;

    /// <summary>
    /// Reads what changed, indexes it into a new generation (committed, not yet live) and stages
    /// targets.jsonl and records.jsonl in <paramref name="pending"/>; no tables.
    /// </summary>
    /// <param name="recordsWanted">The tables follow: the records are read back while the index commits and merges.</param>
    /// <param name="last">What the last build left and still stands (<see cref="OutputGeneration.Verify"/>, after any recovery).</param>
    /// <param name="inventory">The corpus as listed already; listed here when null.</param>
    internal static (BuildSummary Summary, string Generation) Index(CorpusReader reader, CorpusLayout corpus, OutputLayout output, string pending, bool full, IProgress<BuildProgress>? progress, OutputGeneration.Verified last, bool recordsWanted = false, CorpusInventory? inventory = null)
    {
        inventory ??= corpus.Inventory();
        var documents = inventory.Documents;
        var fingerprint = ChangeDetection.Fingerprint(corpus);
        // A changed or damaged output is re-made, an index not the last build's is rebuilt.
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
        // Where each record this build writes lies in the staged file, for a table update that reads only some.
        var stagedRuns = new Dictionary<string, (long Start, long End)>(StringComparer.Ordinal);
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
                        var at = recordsOut.Position;
                        recordRuns.Write(document.Source, 1, stream => previousRecords.CopyTo(document.Source, stream));
                        stagedRuns[document.Source] = (at, recordsOut.Position);
                    }

                    built.Add(new BuiltDocument(document, entry.Plans, entry.Targets, entry.Error, Reread: false));
                    continue;
                }

                fresh.MoveNext();
                var (result, _) = fresh.Current;
                var targets = result.Plans?.AllTargets().ToList() ?? [];
                targetRuns.Write(document.Source, targets.Count, stream => JsonOutput.WriteJsonLines(stream, targets));
                var slim = RecordStore.Slim(result);
                var start = recordsOut.Position;
                recordRuns.Write(document.Source, 1, stream => RecordStore.Write(stream, slim));
                stagedRuns[document.Source] = (start, recordsOut.Position);
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
            RecordsOf = wanted => RecordsOf(output, wanted, stagedRecords, stagedRuns, patching),
            Patches = patching
                ?
                [
                    new OutputGeneration.FilePatch(OutputLayout.TargetsFile, targetsPatch!.Length, targetsPatch.Blanks, RelativePath.Of(pending, stagedTargets)),
                    new OutputGeneration.FilePatch(RelativePath.Of(output.Root, output.Records), recordsPatch!.Length, recordsPatch.Blanks, RelativePath.Of(pending, stagedRecords)),
                ]
                : [],
        };
        return (summary, generation);
    }

    // Before the commit: a document this build wrote is in the staged file; one a patch keeps is
    // where the last build's runs put it in the live file, which the patch has not touched yet.
    private static IReadOnlyList<DocumentResult> RecordsOf(OutputLayout output, IReadOnlyList<CorpusDocument> wanted, string stagedRecords, Dictionary<string, (long Start, long End)> stagedRuns, bool patching)
    {
        if (wanted.Count == 0)
        {
            return [];
        }

        using var live = patching ? SourceRuns.Load(output.Records, output.RunsOf(output.Records)) : SourceRuns.None;
        using var staged = File.OpenHandle(stagedRecords);
        var lines = new byte[wanted.Count][];
        for (var i = 0; i < wanted.Count; i++)
        {
            var source = wanted[i].Source;
            if (stagedRuns.TryGetValue(source, out var run))
            {
                lines[i] = new byte[run.End - run.Start];
                RandomAccess.Read(staged, lines[i], run.Start);
            }
            else
            {
                using var buffer = new MemoryStream();
                live.CopyTo(source, buffer);
                lines[i] = buffer.ToArray();
            }
        }

        var results = new DocumentResult?[wanted.Count];
        Parallel.For(0, wanted.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                results[i] = lines[i].Length == 0 ? null : RecordStore.Parse(lines[i], wanted[i]);
            }
            catch (System.Text.Json.JsonException)
            {
                // A damaged line is a missing record: the caller makes the tables whole from the full read, which reports it.
            }
        });
        return [.. results.OfType<DocumentResult>()];
    }
}
