using System.Globalization;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using System.Text.Json;
using System.Text.Json.Serialization;
using PlanExtract.Corpus;

namespace PlanExtract.Indexing;

/// <summary>
/// The index folder on disk. Each build writes a fresh generation folder beside the live one and
/// then replaces the <c>CURRENT</c> pointer file by a rename, which is atomic: a build killed at any
/// point before that rename leaves the previous generation the one searches open.
/// </summary>
/// <remarks>
/// Layout: <c>index/CURRENT</c> holds the format line and the live generation's folder name;
/// <c>index/g…/</c> holds the Lucene files. The format number changes whenever fields or analysis
/// change, so an index built by an older planextract is refused with a "run build" message rather
/// than answering queries wrongly.
/// </remarks>
public static class CorpusIndex
{
    // 5: an item's first sentence only in lead, the rest only in text; a target's lead is its indicator field.
    public const int FormatVersion = 5;
    public const string PointerFile = "CURRENT";
    private const string FormatHeader = "planextract-index";
    private const string CommitFormatKey = "planextract.format";
    private const string GenerationPrefix = "g";

    /// <summary>The ranking used at build and at search time; BM25 norms must be written by the same similarity.</summary>
    internal static Similarity Similarity { get; } = new BM25Similarity();

    // Before any segment is read or written: segments name their codec, and readers look it up.
    static CorpusIndex() => PlanCodec.Register();

    public static void Write(string indexFolder, IReadOnlyList<DocumentResult> results) => Write(indexFolder, results, beforeSwap: null);

    /// <param name="beforeSwap">Runs after the new generation is committed and before it goes live; tests throw here to play a killed build.</param>
    internal static void Write(string indexFolder, IReadOnlyList<DocumentResult> results, Action<string>? beforeSwap)
    {
        using var writer = Create(indexFolder);
        foreach (var result in results)
        {
            // No stamp: the manifest then holds no hash, so the next incremental build re-reads these documents.
            writer.Add(result, stamp: null);
        }

        writer.Commit(beforeSwap);
    }

    /// <summary>Starts a fresh generation; it goes live on <see cref="CorpusIndexWriter.Commit"/>.</summary>
    /// <param name="fingerprint">What built it (see <see cref="OpenForUpdate"/>); null for an index no update may reuse.</param>
    public static CorpusIndexWriter Create(string indexFolder, string? fingerprint = null)
    {
        System.IO.Directory.CreateDirectory(indexFolder);
        var generation = NewGenerationName();
        return new CorpusIndexWriter(indexFolder, generation, OpenMode.CREATE, CorpusManifest.Empty, nextGroup: 0, fingerprint);
    }

    /// <summary>
    /// Opens the live generation to update in place, or null when there is none this version can
    /// update (no index, another format, no manifest): the caller then builds afresh.
    /// </summary>
    /// <remarks>
    /// In place is safe because a Lucene commit is itself atomic: a killed update leaves the last
    /// commit, and the manifest is written after it, so documents changed since are re-read next time.
    /// </remarks>
    /// <param name="fingerprint">The code and catalog that would build it now; an index built by others is rebuilt, since its entries would be stale.</param>
    public static CorpusIndexWriter? OpenForUpdate(string indexFolder, string fingerprint)
    {
        // The last commit's segments file, not a reader: opening every segment (its terms and
        // stored-field indexes) cost more than the whole update at 3,200 documents.
        long nextGroup = 0;
        ICollection<string> files = [];
        var livePath = LiveCommit(indexFolder, fingerprint, (directory, commit) =>
        {
            if (!commit.UserData.TryGetValue(NextGroupKey, out var next) || !long.TryParse(next, CultureInfo.InvariantCulture, out nextGroup))
            {
                return false;
            }

            files = commit.GetFiles(directory, includeSegmentsFile: true);
            VerifyFooters(directory, files);
            return true;
        });
        if (livePath is null)
        {
            return null;
        }

        var live = Path.GetFileName(livePath);
        var manifest = CorpusManifest.Read(Path.Combine(indexFolder, live, ManifestFile));
        if (manifest is null)
        {
            return null;
        }

        // The update goes into a linked copy, so the live generation stays whole until the build's outputs swap together.
        var generation = NewGenerationName();
        var target = Path.Combine(indexFolder, generation);
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in files)
        {
            // segments.gen is the one file Lucene may write again under its name: never shared.
            var (from, to) = (Path.Combine(indexFolder, live, file), Path.Combine(target, file));
            if (file == IndexFileNames.SEGMENTS_GEN)
            {
                File.Copy(from, to);
            }
            else
            {
                HardLinks.LinkOrCopy(from, to);
            }
        }

        return new CorpusIndexWriter(indexFolder, generation, OpenMode.APPEND, manifest, nextGroup, fingerprint);
    }

    /// <summary>
    /// The manifest of the live generation when it was built by <paramref name="fingerprint"/>'s
    /// code and catalog, else null (no index, another format or build, no manifest). Reads the last
    /// commit's user data only: no writer, no lock, no segment opened.
    /// </summary>
    public static CorpusManifest? LiveManifest(string indexFolder, string fingerprint) =>
        LiveCommit(indexFolder, fingerprint, (_, _) => true) is { } live ? CorpusManifest.Read(Path.Combine(live, ManifestFile)) : null;

    /// <summary>
    /// The live generation's folder when its last commit was written in this format by
    /// <paramref name="fingerprint"/>'s code and catalog and <paramref name="accept"/> takes it;
    /// null for no index, another build, or damage.
    /// </summary>
    private static string? LiveCommit(string indexFolder, string fingerprint, Func<Lucene.Net.Store.Directory, SegmentInfos, bool> accept)
    {
        try
        {
            var live = LivePath(indexFolder);
            using var directory = FSDirectory.Open(live);
            var commit = new SegmentInfos();
            commit.Read(directory);
            return commit.UserData.TryGetValue(CommitFormatKey, out var format) && format == FormatVersion.ToString(CultureInfo.InvariantCulture)
                && commit.UserData.TryGetValue(FingerprintKey, out var built) && built == fingerprint
                && accept(directory, commit) ? live : null;
        }
        catch (PlanExtractException)
        {
            return null;
        }
        catch (Exception e) when (IsDamage(e))
        {
            return null;
        }
    }

    // The small files (segments, .si, .cfe, .fnm, doc-value metadata) are read whole against their
    // checksums, as opening a reader did; the codec footer at the end of every other file shows it
    // whole without reading it (a truncated _0.cfs crashed every later build). Reading every byte
    // (CheckIntegrity) would cost a 1.2 GB read per update.
    private static void VerifyFooters(Lucene.Net.Store.Directory directory, IEnumerable<string> files)
    {
        const long WholeBelow = 1 << 20;
        foreach (var file in files.Where(f => f != IndexFileNames.SEGMENTS_GEN))
        {
            using var input = directory.OpenInput(file, IOContext.READ_ONCE);
            _ = input.Length < WholeBelow ? CodecUtil.ChecksumEntireFile(input) : CodecUtil.RetrieveChecksum(input);
        }
    }

    /// <summary>The folder name of the live generation, or null when there is no pointer.</summary>
    public static string? LiveGeneration(string indexFolder)
    {
        var pointer = Path.Combine(indexFolder, PointerFile);
        try
        {
            var lines = File.Exists(pointer) ? File.ReadAllLines(pointer) : [];
            return lines.Length >= 2 ? lines[1].Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // What reading damaged Lucene files throws: truncated files read past their end or slice out of bounds.
    internal static bool IsDamage(Exception e) =>
        e is IOException or IndexNotFoundException or CorruptIndexException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or NullReferenceException or FormatException or OverflowException;

    private static string NewGenerationName() =>
        GenerationPrefix + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    internal const string ManifestFile = "manifest.jsonl";
    internal const string NextGroupKey = "planextract.next_group";
    internal const string FingerprintKey = "planextract.fingerprint";

    // 64 MB: measured at 3,200 documents, larger buffers gave no faster build and a bigger peak.
    internal const double RamBufferMB = 64;

    internal static IndexWriterConfig WriterConfig(Lucene.Net.Analysis.Analyzer analyzer, OpenMode mode) => new(PlanAnalyzer.Version, analyzer)
    {
        OpenMode = mode,
        Similarity = Similarity,
        RAMBufferSizeMB = RamBufferMB,
        Codec = new PlanCodec(),

        // No compound files: each flushed or merged segment would be copied once more into one
        // .cfs file (1.6% of a 3,200-document build's CPU, docs/PERFORMANCE.md); the index is read
        // through memory maps, where many files cost nothing.
        UseCompoundFile = false,
        MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
    };

    /// <summary>Makes <paramref name="generation"/> the live one by replacing the pointer file, then drops the others.</summary>
    internal static void Swap(string indexFolder, string generation)
    {
        var pointer = Path.Combine(indexFolder, PointerFile);
        var temporary = pointer + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(temporary, $"{FormatHeader} {FormatVersion}\n{generation}\n");
        File.Move(temporary, pointer, overwrite: true);
        RemoveStaleGenerations(indexFolder, generation);
    }

    internal static Dictionary<string, string> CommitData(long nextGroup, string? fingerprint)
    {
        var data = new Dictionary<string, string>
        {
            [CommitFormatKey] = FormatVersion.ToString(CultureInfo.InvariantCulture),
            [NextGroupKey] = nextGroup.ToString(CultureInfo.InvariantCulture),
        };
        if (fingerprint is not null)
        {
            data[FingerprintKey] = fingerprint;
        }

        return data;
    }

    /// <summary>Opens the live generation, or says why it cannot (<see cref="UnusableIndexException"/>: a build makes one).</summary>
    public static DirectoryReader OpenReader(string indexFolder)
    {
        var generationPath = LivePath(indexFolder);
        DirectoryReader reader;
        try
        {
            reader = DirectoryReader.Open(new UntrackedMMapDirectory(generationPath));
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(generationPath, e);
        }

        if (!reader.IndexCommit.UserData.TryGetValue(CommitFormatKey, out var format) || format != FormatVersion.ToString(CultureInfo.InvariantCulture))
        {
            reader.Dispose();
            throw new UnusableIndexException(generationPath, "the search index is from another version of planextract");
        }

        return reader;
    }

    // The live generation's folder as the pointer names it, or why there is none this version reads.
    internal static string LivePath(string indexFolder)
    {
        var pointer = Path.Combine(indexFolder, PointerFile);
        if (!File.Exists(pointer))
        {
            // Lucene files straight in the folder are what an index from before the pointer file looks like.
            var old = System.IO.Directory.Exists(indexFolder) && System.IO.Directory.EnumerateFiles(indexFolder, "segments*").Any();
            throw old
                ? new UnusableIndexException(indexFolder, "the search index is from an older version of planextract")
                : new UnusableIndexException(indexFolder, "no search index", missing: true);
        }

        var lines = File.ReadAllLines(pointer);
        var header = lines.Length > 0 ? lines[0].Split(' ') : [];
        if (header.Length != 2 || header[0] != FormatHeader || header[1] != FormatVersion.ToString(CultureInfo.InvariantCulture) || lines.Length < 2)
        {
            throw new UnusableIndexException(indexFolder, $"the search index is from another version of planextract (format {(header.Length == 2 ? header[1] : "unknown")}, expected {FormatVersion})");
        }

        return Path.Combine(indexFolder, lines[1].Trim());
    }

    /// <summary>What a search or build says of an index its files cannot be read from.</summary>
    public static UnusableIndexException Damaged(string path, Exception e) =>
        new(path, $"the index is damaged ({e.GetType().Name}: {e.Message.Split('\n')[0]})", inner: e);

    // Generations left by earlier builds, including ones killed before their swap. Best effort: on
    // Windows a searcher may still hold files open, and the next build tries again.
    internal static void RemoveStaleGenerations(string indexFolder, string? live)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(indexFolder, GenerationPrefix + "*"))
        {
            if (Path.GetFileName(folder) == live)
            {
                continue;
            }

            try
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(indexFolder, PointerFile + ".*.tmp"))
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}

/// <summary>
/// One IndexWriter for a whole build: documents are added as they are read, so the corpus never
/// sits in memory. Thread-safe for <see cref="Add"/> and <see cref="Remove"/>, but the build adds
/// from one thread: inverting on both cores cost 8–15% more CPU and no time at 800 documents
/// (docs/PERFORMANCE.md). Disposing without
/// <see cref="Commit"/> rolls back, so a failed update never leaves a half-changed live index.
/// </summary>
public sealed class CorpusIndexWriter : IDisposable
{
    private readonly string _indexFolder;
    private readonly string _generation;
    private readonly bool _fresh;
    private readonly string? _fingerprint;
    private readonly FSDirectory _directory;
    private readonly Lucene.Net.Analysis.Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly Dictionary<string, IndexedDocument> _entries;
    private readonly System.Threading.Lock _entriesLock = new();
    /// <summary>
    /// Group numbers a document's items may take: far more than any readable plan holds (the
    /// readers refuse absurd numbering), and 12,800 documents still number below 2^34.
    /// </summary>
    internal const long GroupsPerDocument = 1 << 20;

    private readonly long _firstGroup;
    private long _slotsUsed;
    private bool _committed;

    internal CorpusIndexWriter(string indexFolder, string generation, OpenMode mode, CorpusManifest previous, long nextGroup, string? fingerprint)
    {
        _fingerprint = fingerprint;
        _indexFolder = indexFolder;
        _generation = generation;
        _fresh = mode == OpenMode.CREATE;
        Previous = previous;
        _entries = new Dictionary<string, IndexedDocument>(previous.Documents, StringComparer.Ordinal);
        _firstGroup = nextGroup;
        // Read by positioned reads, not mapped: a merge reads whole segments, and mapped they count
        // in the build's working set (1.2 GB of index at 3,200 documents). Searches map (CorpusIndex.OpenReader).
        _directory = new NIOFSDirectory(Path.Combine(indexFolder, generation));
        _analyzer = IndexSchema.CreateAnalyzer(forIndex: true);
        _writer = new IndexWriter(_directory, CorpusIndex.WriterConfig(_analyzer, mode));
    }

    /// <summary>What the index held when opened: empty for a fresh build.</summary>
    public CorpusManifest Previous { get; }

    /// <summary>True when this writer updates a copy of the live generation rather than building from nothing.</summary>
    public bool Incremental => !_fresh;

    /// <summary>Adds a document's items and targets and records it in the manifest.</summary>
    /// <param name="stamp">The file's size, time and hash when read; null records it as needing a re-read.</param>
    /// <remarks>For callers that add one document at a time; a build adding on several threads gives each document its <c>slot</c>.</remarks>
    public void Add(DocumentResult result, DocumentStamp? stamp) => Add(result, stamp, Interlocked.Read(ref _slotsUsed));

    /// <summary>Adds a document's items and targets, numbering its items from the range of <paramref name="slot"/>.</summary>
    /// <param name="slot">
    /// The document's place among those this writer adds (0, 1, …): documents are indexed on several
    /// threads and land in the index in any order, and their items' group numbers still follow the
    /// corpus order, which ranking ties go by (<see cref="CorpusSearcher"/>).
    /// </param>
    public void Add(DocumentResult result, DocumentStamp? stamp, long slot)
    {
        var next = _firstGroup + (slot * GroupsPerDocument);
        var end = next + GroupsPerDocument;

        // One block, never one AddDocument per item: the searcher closes an item when the group
        // number changes, so an item's documents must stay adjacent (a block keeps them so, through merges).
        _writer.AddDocuments(IndexSchema.Documents(result, () => next < end ? next++ : throw new InvalidOperationException($"{result.Document.Source} holds more than {GroupsPerDocument} items")));
        for (var used = Interlocked.Read(ref _slotsUsed); slot >= used; used = Interlocked.Read(ref _slotsUsed))
        {
            Interlocked.CompareExchange(ref _slotsUsed, slot + 1, used);
        }

        var entry = new IndexedDocument(
            result.Document.Source,
            stamp?.Size ?? -1,
            stamp?.ModifiedTicks ?? -1,
            stamp?.Sha256,
            result.Plans?.Plans.Count ?? 0,
            result.Plans?.AllTargets().Count() ?? 0,
            result.Error);
        lock (_entriesLock)
        {
            _entries[entry.Source] = entry;
        }
    }

    /// <summary>Deletes every item and target of <paramref name="source"/> (a changed or removed document).</summary>
    public void Remove(string source)
    {
        _writer.DeleteDocuments(new Term(IndexSchema.Source, source));
        lock (_entriesLock)
        {
            _entries.Remove(source);
        }
    }

    /// <summary>Commits, writes the manifest, and makes the new generation live.</summary>
    public void Commit(Action<string>? beforeSwap = null)
    {
        var generationPath = CommitUnpublished();
        beforeSwap?.Invoke(generationPath);
        CorpusIndex.Swap(_indexFolder, _generation);
    }

    /// <summary>The new generation's folder name, the one <see cref="CommitUnpublished"/> commits.</summary>
    public string Generation => _generation;

    /// <summary>Commits and writes the manifest without making the generation live; the caller swaps it in with the rest of its outputs.</summary>
    public string CommitUnpublished()
    {
        _writer.SetCommitData(CorpusIndex.CommitData(_firstGroup + (Interlocked.Read(ref _slotsUsed) * GroupsPerDocument), _fingerprint));
        _writer.Commit();
        var generationPath = Path.Combine(_indexFolder, _generation);
        lock (_entriesLock)
        {
            new CorpusManifest(_entries).Write(Path.Combine(generationPath, CorpusIndex.ManifestFile));
        }

        _committed = true;
        return generationPath;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            _writer.Rollback();
        }

        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}

/// <summary>One document as the index last saw it: the stamp to tell whether it changed, and its counts.</summary>
public sealed record IndexedDocument(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("modified")] long ModifiedTicks,
    [property: JsonPropertyName("sha256")] string? Sha256,
    [property: JsonPropertyName("plans")] int Plans,
    [property: JsonPropertyName("targets")] int Targets,
    [property: JsonPropertyName("error")] string? Error);

/// <summary>The documents an index generation holds (<c>manifest.jsonl</c> beside its Lucene files).</summary>
public sealed class CorpusManifest(IReadOnlyDictionary<string, IndexedDocument> documents)
{
    public static CorpusManifest Empty { get; } = new(new Dictionary<string, IndexedDocument>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, IndexedDocument> Documents => documents;

    /// <summary>The manifest at <paramref name="path"/>, or null when missing or unreadable (then the index is rebuilt).</summary>
    public static CorpusManifest? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var entries = new Dictionary<string, IndexedDocument>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<IndexedDocument>(line, RecordJson.Serializer) is { } entry)
                {
                    entries[entry.Source] = entry;
                }
            }

            return new CorpusManifest(entries);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    public void Write(string path)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
        {
            foreach (var entry in documents.Values.OrderBy(e => e.Source, StringComparer.Ordinal))
            {
                writer.Write(JsonSerializer.Serialize(entry, RecordJson.Serializer));
                writer.Write('\n');
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
