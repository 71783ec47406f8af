using PlanExtract.Corpus;
using PlanExtract.Indexing;
using PlanExtract.Model;

namespace PlanExtract.Build;

/// <summary>
/// What a build left for readers of its results: every document's slim tree from
/// <c>index/records.jsonl</c> (targets and measure headings, no full text), so a reader of a
/// country's results does not run the pipeline over every plan again.
/// </summary>
public static class BuiltRecords
{
    /// <summary>
    /// The corpus documents with the trees the last build recorded, in corpus order; a document the
    /// records lack (added since) is left out. Missing records say to run build.
    /// </summary>
    public static IReadOnlyList<DocumentResult> Load(CorpusLayout corpus, string indexFolder)
    {
        var path = Path.Combine(indexFolder, OutputLayout.RecordsFile);
        if (!File.Exists(path))
        {
            throw new UnusableIndexException(path, "no records of the last build", missing: true);
        }

        return Parse(path, corpus.Inventory().Documents);
    }

    /// <summary>
    /// The records of the last build into <paramref name="outputFolder"/> when they are exactly what
    /// reading the corpus now would give: the same code and catalog built them, every document is
    /// unchanged since (as an incremental build decides it), none was added or removed, and the
    /// outputs are as that build left them. Otherwise null and why, in a few words.
    /// </summary>
    /// <param name="plan">Keep only what the cross tables of this plan kind read (both kinds when null): a country's whole records would take over 1 GB.</param>
    public static (IReadOnlyList<DocumentResult>? Results, string? NotCurrent) LoadIfCurrent(CorpusLayout corpus, string outputFolder, PlanKind? plan = null)
    {
        var output = new OutputLayout(outputFolder);
        if (!File.Exists(output.Records))
        {
            return (null, $"no build output in {outputFolder}");
        }

        if (File.Exists(Path.Combine(output.Index, OutputGeneration.JournalFile)))
        {
            return (null, $"the last build into {outputFolder} did not finish");
        }

        var last = OutputGeneration.Verify(output);
        if (!last.Index || !last.Holds(output, output.Records) || !last.Holds(output, output.Targets)
            || !last.Holds(output, output.RunsOf(output.Records)) || !last.Holds(output, output.RunsOf(output.Targets)))
        {
            return (null, $"the outputs in {outputFolder} changed since their build");
        }

        if (CorpusIndex.LiveManifest(output.Index, ChangeDetection.Fingerprint(corpus)) is not { } manifest)
        {
            return (null, $"{outputFolder} was built by another version of planextract or another indicator catalog");
        }

        var documents = corpus.Inventory().Documents;
        using (var targets = SourceRuns.Load(output.Targets, output.RunsOf(output.Targets)))
        using (var records = SourceRuns.Load(output.Records, output.RunsOf(output.Records)))
        {
            if (documents.Count != manifest.Documents.Count || documents.Any(d => ChangeDetection.Unchanged(d, manifest, targets, records) is null))
            {
                return (null, $"the corpus changed since the build into {outputFolder}");
            }
        }

        return (Parse(output.Records, documents, RecordStore.ForCrossTables(plan)), null);
    }

    private static IReadOnlyList<DocumentResult> Parse(string path, IReadOnlyList<CorpusDocument> documents, Func<PlanDocument, PlanDocument>? trim = null)
    {
        try
        {
            // Readers keep the trees while they work (the tables, the site): their repeated strings are shared.
            return RecordStore.Load([path], documents, trim, shareStrings: true);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException || (e is AggregateException a && a.Flatten().InnerExceptions.All(x => x is System.Text.Json.JsonException)))
        {
            // Parsed on every core: a damaged line comes wrapped in the parallel loop's exception.
            throw new UnusableIndexException(path, "a line of the records is damaged", inner: e);
        }
    }
}
