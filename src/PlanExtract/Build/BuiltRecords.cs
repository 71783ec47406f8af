using PlanExtract.Corpus;

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

        try
        {
            return RecordStore.Load([path], corpus.Inventory().Documents);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new UnusableIndexException(path, "a line of the records is damaged", inner: e);
        }
    }
}
