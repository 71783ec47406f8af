using System.Security.Cryptography;
using System.Text.Json;
using PlanExtract.Indexing;
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
/// A document as it was read: size and write time for a cheap "unchanged?" check, the hash for a
/// sure one. Covers the plan file and its meta.json, since a renamed district changes every record.
/// </summary>
public sealed record DocumentStamp(long Size, long ModifiedTicks, string Sha256)
{
    public static DocumentStamp Of(CorpusDocument document)
    {
        var files = new[] { document.FilePath, Path.Combine(document.Folder, CorpusLayout.MetadataFile) };
        var infos = files.Select(f => new FileInfo(f)).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in files)
        {
            // Streamed, and only regular files: a named pipe would block here before the read reports it.
            Reading.DocumentFile.CheckRegularFile(file);
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            for (int read; (read = stream.Read(buffer)) > 0;)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return new DocumentStamp(infos.Sum(i => i.Length), infos.Max(i => i.LastWriteTimeUtc.Ticks), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Size and time only, for the quick check.</summary>
    public static (long Size, long ModifiedTicks)? Quick(CorpusDocument document)
    {
        var infos = new[] { document.FilePath, Path.Combine(document.Folder, CorpusLayout.MetadataFile) }.Select(f => new FileInfo(f)).ToList();
        return infos.All(i => i.Exists) ? (infos.Sum(i => i.Length), infos.Max(i => i.LastWriteTimeUtc.Ticks)) : null;
    }
}

/// <summary>One document of a build: its counts, its error, and whether this build read it.</summary>
public sealed record BuiltDocument(CorpusDocument Document, int Plans, int Targets, string? Error, bool Reread);

/// <summary>What <see cref="CorpusBuilder.Build"/> did.</summary>
/// <param name="Records">
/// Every document as the tables need it (see <see cref="CorpusBuilder.Slim"/>): in memory after a
/// full build, loaded from <c>index/records.jsonl</c> on demand after an incremental one, so an
/// update that writes no tables does not pay for reading them.
/// </param>
public sealed record BuildSummary(IReadOnlyList<BuiltDocument> Documents, Func<IReadOnlyList<DocumentResult>> Records, bool Incremental)
{
    public int Reread => Documents.Count(d => d.Reread);

    public int Failed => Documents.Count(d => d.Error is not null);
}

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

    /// <summary>
    /// Reads documents on every core and yields the results in corpus order, holding at most a few
    /// ahead of the consumer, so a caller that writes each result away never holds the corpus.
    /// </summary>
    public IEnumerable<DocumentResult> ReadStream(IReadOnlyList<CorpusDocument> documents, IProgress<BuildProgress>? progress = null) =>
        ReadStamped(documents, progress).Select(r => r.Result);

    private IEnumerable<(DocumentResult Result, DocumentStamp? Stamp)> ReadStamped(IReadOnlyList<CorpusDocument> documents, IProgress<BuildProgress>? progress)
    {
        // Two per core: a worker that finishes early starts the next document while the consumer
        // still writes the previous one; more would only hold more trees.
        var window = 2 * Environment.ProcessorCount;
        var pending = new Queue<Task<(DocumentResult, DocumentStamp?)>>();
        var done = 0;
        var next = 0;
        while (next < documents.Count || pending.Count > 0)
        {
            while (next < documents.Count && pending.Count < window)
            {
                var document = documents[next++];
                pending.Enqueue(Task.Run(() =>
                {
                    var stamp = Stamp(document);
                    var result = ReadOne(document);
                    progress?.Report(new BuildProgress(Interlocked.Increment(ref done), documents.Count, document.Source));
                    return (result, stamp);
                }));
            }

            yield return pending.Dequeue().GetAwaiter().GetResult();
        }
    }

    private static DocumentStamp? Stamp(CorpusDocument document)
    {
        try
        {
            return DocumentStamp.Of(document);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlanExtractException)
        {
            // The read reports the file; without a stamp it is simply re-read next time.
            return null;
        }
    }

    /// <summary>
    /// Builds <c>OUT/targets.jsonl</c> and the index <c>OUT/index/</c> in one streaming pass. When an
    /// index built by this same pipeline exists, only documents whose content changed are re-read:
    /// the others keep their index entries and their lines of targets.jsonl.
    /// </summary>
    /// <param name="full">Rebuild everything even when an index exists.</param>
    public BuildSummary Build(CorpusLayout corpus, string outputFolder, bool full = false, IProgress<BuildProgress>? progress = null)
    {
        var documents = corpus.Documents();
        Directory.CreateDirectory(outputFolder);
        var targetsPath = Path.Combine(outputFolder, "targets.jsonl");
        var indexFolder = Path.Combine(outputFolder, "index");
        var recordsPath = Path.Combine(indexFolder, RecordsFile);
        var fingerprint = Fingerprint(corpus);
        using var index = (full ? null : CorpusIndex.OpenForUpdate(indexFolder, fingerprint)) ?? CorpusIndex.Create(indexFolder, fingerprint);
        var previousTargets = index.Incremental ? SourceRuns.Load(targetsPath) : SourceRuns.None;
        var previousRecords = index.Incremental ? SourceRuns.Load(recordsPath) : SourceRuns.None;

        var kept = documents.Select(d => Unchanged(d, index.Previous, previousTargets, previousRecords)).ToList();
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
        using (var fresh = ReadStamped(toRead, progress).GetEnumerator())
        using (var targetsOut = new FileStream(targetsPath + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var recordsOut = new FileStream(recordsPath + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
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
                var slim = Slim(result);
                WriteRecord(recordsOut, slim);
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
        File.Move(targetsPath + ".tmp", targetsPath, overwrite: true);
        File.Move(recordsPath + ".tmp", recordsPath, overwrite: true);
        return new BuildSummary(built, records is null ? () => LoadRecords(recordsPath, documents) : () => records, index.Incremental);
    }

    /// <summary>Beside the Lucene generations: one line per document, its <see cref="Slim"/> tree.</summary>
    internal const string RecordsFile = "records.jsonl";

    private static readonly JsonSerializerOptions _recordJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record RecordLine(
        [property: System.Text.Json.Serialization.JsonPropertyName("source")] string Source,
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string? Error,
        [property: System.Text.Json.Serialization.JsonPropertyName("tree")] PlanDocument? Tree);

    private static void WriteRecord(Stream output, DocumentResult slim)
    {
        JsonSerializer.Serialize(output, new RecordLine(slim.Document.Source, slim.Error, slim.Plans), _recordJson);
        output.WriteByte((byte)'\n');
    }

    private static List<DocumentResult> LoadRecords(string path, IReadOnlyList<CorpusDocument> documents)
    {
        var bySource = documents.ToDictionary(d => d.Source, StringComparer.Ordinal);
        var results = new List<DocumentResult>(documents.Count);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0 && JsonSerializer.Deserialize<RecordLine>(line, _recordJson) is { } record && bySource.TryGetValue(record.Source, out var document))
            {
                results.Add(new DocumentResult(document, record.Tree, record.Error));
            }
        }

        return results;
    }

    /// <summary>
    /// What the index must have been built with for its entries to stand: this build of the
    /// library (its module id changes with the code) and the indicator catalog the pipeline uses.
    /// </summary>
    private static string Fingerprint(CorpusLayout corpus)
    {
        var catalog = Path.Combine(corpus.Root, "indicators.json");
        var catalogHash = File.Exists(catalog) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(catalog))) : "none";
        return typeof(Pipeline).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "/" + catalogHash;
    }

    // Unchanged means: indexed with a hash, same size and time or else same hash, its target lines
    // all present in the last targets.jsonl (which may have been deleted or edited by hand) and its
    // record in records.jsonl.
    private static IndexedDocument? Unchanged(CorpusDocument document, CorpusManifest manifest, SourceRuns targets, SourceRuns records)
    {
        if (!manifest.Documents.TryGetValue(document.Source, out var entry) || entry.Sha256 is null
            || targets.Count(document.Source) != entry.Targets || records.Count(document.Source) != 1)
        {
            return null;
        }

        if (DocumentStamp.Quick(document) is not { } quick)
        {
            return null;
        }

        if (quick == (entry.Size, entry.ModifiedTicks))
        {
            return entry;
        }

        return Stamp(document)?.Sha256 == entry.Sha256 ? entry : null;
    }

    /// <summary>
    /// A document cut down to what the tables read: items with targets, and measure items (the
    /// measures table aligns their headings), each item's text cut to its first sentence. The full
    /// trees of a country-scale corpus would not fit the memory budget.
    /// </summary>
    public static DocumentResult Slim(DocumentResult result)
    {
        if (result.Plans is null)
        {
            return result;
        }

        static Item Cut(Item item) => item with { Text = FirstSentence(item.Text), Lines = [] };
        static Section Keep(Section section) => section with
        {
            Items = [.. section.Items.Where(i => i.Targets.Count > 0 || section.Kind == SectionKind.Measure).Select(Cut)],
        };

        var plans = result.Plans.Plans.Select(p => p with
        {
            Sections = [.. p.Sections.Select(Keep)],
            Domains = [.. p.Domains.Select(d => d with { Sections = [.. d.Sections.Select(Keep)] })],
            Projects = [.. p.Projects.Where(i => i.Targets.Count > 0).Select(Cut)],
        });
        return result with { Plans = result.Plans with { Plans = [.. plans] } };
    }

    // Up to and with the first 。 or ；: what the measures table calls the heading.
    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['。', '；']);
        return end < 0 ? text : text[..(end + 1)];
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

/// <summary>
/// A JSON-lines file from the last build (targets.jsonl, records.jsonl) kept as bytes with each
/// document's run of lines located by its top-level "source", so an incremental build copies
/// unchanged documents' lines without parsing or re-serialising them.
/// </summary>
internal sealed class SourceRuns
{
    private readonly byte[] _bytes;
    private readonly Dictionary<string, (int Start, int End, int Count)> _runs;

    private SourceRuns(byte[] bytes, Dictionary<string, (int Start, int End, int Count)> runs)
    {
        _bytes = bytes;
        _runs = runs;
    }

    public static SourceRuns None { get; } = new([], new Dictionary<string, (int, int, int)>(StringComparer.Ordinal));

    public static SourceRuns Load(string path)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        var bytes = File.ReadAllBytes(path);
        var runs = new Dictionary<string, (int Start, int End, int Count)>(StringComparer.Ordinal);
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            end = end < 0 ? bytes.Length : end + 1;
            var source = SourceOf(bytes.AsSpan(start, end - start));
            if (source is not null)
            {
                // A document's lines are written together; a second run of one source means the file was edited, and the document is re-read.
                runs[source] = runs.TryGetValue(source, out var run) && run.End == start ? (run.Start, end, run.Count + 1)
                    : runs.ContainsKey(source) ? (0, 0, -1) : (start, end, 1);
            }

            start = end;
        }

        return new SourceRuns(bytes, runs);
    }

    public int Count(string source) => _runs.TryGetValue(source, out var run) ? run.Count : 0;

    public void CopyTo(string source, Stream output)
    {
        if (_runs.TryGetValue(source, out var run) && run.Count > 0)
        {
            output.Write(_bytes, run.Start, run.End - run.Start);
        }
    }

    private static string? SourceOf(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSource = reader.ValueTextEquals("source"u8);
                reader.Read();
                if (isSource)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
