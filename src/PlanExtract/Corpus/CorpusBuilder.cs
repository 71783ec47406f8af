using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Corpus;

/// <summary>What one document gave, or why it gave nothing.</summary>
public sealed record DocumentResult(CorpusDocument Document, PlanDocument? Plans, string? Error)
{
    public bool Failed => Error is not null;
}

public sealed record BuildProgress(int Done, int Total, string Current);

/// <summary>
/// Reads every corpus document through the pipeline and writes <c>targets.jsonl</c> and the
/// tables. A broken document is reported by name and the rest still build.
/// </summary>
public sealed class CorpusBuilder(Pipeline pipeline)
{
    public IReadOnlyList<DocumentResult> ReadAll(CorpusLayout corpus, IProgress<BuildProgress>? progress = null)
    {
        var documents = corpus.Documents();
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

    public DocumentResult ReadOne(CorpusDocument document)
    {
        try
        {
            return new DocumentResult(document, pipeline.Read(document.FilePath, document.Source, document.Metadata.DisplayName), null);
        }
        catch (PlanExtractException e)
        {
            return new DocumentResult(document, null, e is DocumentReadException d ? $"{document.Source}: {d.Reason}" : e.Message);
        }
    }

    public static void WriteTargets(string outputFolder, IEnumerable<DocumentResult> results)
    {
        Directory.CreateDirectory(outputFolder);
        var path = Path.Combine(outputFolder, "targets.jsonl");
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonOutput.WriteJsonLines(stream, results.Where(r => r.Plans is not null).SelectMany(r => r.Plans!.AllTargets()));
        }

        File.Move(temporary, path, overwrite: true);
    }
}
