namespace PlanExtract.Corpus;

/// <summary>
/// Reads corpus documents through the pipeline. A broken document is reported by name and the
/// rest still read.
/// </summary>
public sealed class CorpusReader(Pipeline pipeline)
{
    public IReadOnlyList<DocumentResult> ReadAll(CorpusLayout corpus, IProgress<BuildProgress>? progress = null) =>
        ReadAll(corpus.Documents(), progress);

    public IReadOnlyList<DocumentResult> ReadAll(IReadOnlyList<CorpusDocument> documents, IProgress<BuildProgress>? progress = null)
    {
        var results = new DocumentResult[documents.Count];
        var done = 0;
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var document = documents[i];
            results[i] = ReadOne(document);
            progress?.Report(new BuildProgress(Interlocked.Increment(ref done), documents.Count, document.Source));
        });
        return results;
    }

    /// <summary>
    /// Reads documents on every core and yields the results in corpus order, holding at most a few
    /// ahead of the consumer, so a caller that writes each result away never holds the corpus.
    /// </summary>
    public IEnumerable<DocumentResult> ReadStream(IReadOnlyList<CorpusDocument> documents, IProgress<BuildProgress>? progress = null) =>
        ReadStamped(documents, progress).Select(r => r.Result);

    /// <summary>As <see cref="ReadStream"/>, each result with the stamp of the files it was read from.</summary>
    /// <param name="onWorker">
    /// Also run on the worker that read the document, with its place in <paramref name="documents"/>:
    /// work that may happen in any order (indexing) runs on every core beside the reading.
    /// </param>
    public IEnumerable<(DocumentResult Result, DocumentStamp? Stamp)> ReadStamped(IReadOnlyList<CorpusDocument> documents, IProgress<BuildProgress>? progress = null, Action<int, DocumentResult, DocumentStamp?>? onWorker = null)
    {
        // Two per core: a worker that finishes early starts the next document while the consumer
        // still writes the previous one; more would only hold more trees.
        var window = 2 * Environment.ProcessorCount;
        var pending = new Queue<Task<(DocumentResult, DocumentStamp?)>>();
        var done = 0;
        var next = 0;
        try
        {
            while (next < documents.Count || pending.Count > 0)
            {
                while (next < documents.Count && pending.Count < window)
                {
                    var place = next++;
                    var document = documents[place];
                    pending.Enqueue(Task.Run(() =>
                    {
                        var stamp = DocumentStamp.TryOf(document);
                        var result = ReadOne(document);
                        onWorker?.Invoke(place, result, stamp);
                        progress?.Report(new BuildProgress(Interlocked.Increment(ref done), documents.Count, document.Source));
                        return (result, stamp);
                    }));
                }

                yield return pending.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // A consumer that stops early (its write failed) disposes what onWorker writes to next:
            // no worker may still be at it. Their own failures are the consumer's to report, not these.
            try
            {
                Task.WaitAll([.. pending]);
            }
            catch (AggregateException)
            {
            }
        }
    }

    /// <summary>
    /// The one place build and check run the pipeline on a corpus document: whatever goes wrong
    /// in it (its meta.json, reading, segmenting, extracting) is that document's error, and the
    /// other documents still build. (add reads one document; its failures are the command's.)
    /// </summary>
    public DocumentResult ReadOne(CorpusDocument document)
    {
        if (document.Error is not null)
        {
            return new DocumentResult(document, null, $"{document.Source}: {document.Error}");
        }

        try
        {
            return new DocumentResult(document, pipeline.Read(document.FilePath, document.Source, document.Metadata.DisplayName), null);
        }
        catch (PlanExtractException e)
        {
            return new DocumentResult(document, null, e is DocumentReadException d ? $"{document.Source}: {d.Reason}" : e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug or an exhausted resource while on this document: reported as its error, with the
            // stack trace in the log, rather than ending the build for every other document.
            return new DocumentResult(document, null, ErrorLog.Summary(document.Source, e));
        }
    }
}
