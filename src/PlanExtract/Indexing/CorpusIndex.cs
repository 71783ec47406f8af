using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
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
    public const int FormatVersion = 1;
    public const string PointerFile = "CURRENT";
    private const string FormatHeader = "planextract-index";
    private const string CommitFormatKey = "planextract.format";
    private const string GenerationPrefix = "g";

    /// <summary>The ranking used at build and at search time; BM25 norms must be written by the same similarity.</summary>
    internal static Similarity Similarity { get; } = new BM25Similarity();

    public static void Write(string indexFolder, IReadOnlyList<DocumentResult> results) => Write(indexFolder, results, beforeSwap: null);

    /// <param name="beforeSwap">Runs after the new generation is committed and before it goes live; tests throw here to play a killed build.</param>
    internal static void Write(string indexFolder, IReadOnlyList<DocumentResult> results, Action<string>? beforeSwap)
    {
        System.IO.Directory.CreateDirectory(indexFolder);
        var generation = GenerationPrefix + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var generationPath = Path.Combine(indexFolder, generation);
        using (var directory = FSDirectory.Open(generationPath))
        using (var analyzer = IndexSchema.CreateAnalyzer(forIndex: true))
        {
            var config = new IndexWriterConfig(PlanAnalyzer.Version, analyzer)
            {
                OpenMode = OpenMode.CREATE,
                Similarity = Similarity,
            };
            using var writer = new IndexWriter(directory, config);
            var group = 0L;
            foreach (var result in results)
            {
                writer.AddDocuments(IndexSchema.Documents(result, () => group++));
            }

            writer.SetCommitData(new Dictionary<string, string> { [CommitFormatKey] = FormatVersion.ToString(CultureInfo.InvariantCulture) });
            writer.Commit();
        }

        beforeSwap?.Invoke(generationPath);

        var pointer = Path.Combine(indexFolder, PointerFile);
        var temporary = pointer + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(temporary, $"{FormatHeader} {FormatVersion}\n{generation}\n");
        File.Move(temporary, pointer, overwrite: true);
        RemoveStaleGenerations(indexFolder, generation);
    }

    /// <summary>Opens the live generation, or says why it cannot and that <c>planextract build</c> makes one.</summary>
    public static DirectoryReader OpenReader(string indexFolder)
    {
        var pointer = Path.Combine(indexFolder, PointerFile);
        if (!File.Exists(pointer))
        {
            // Lucene files straight in the folder are what an index from before the pointer file looks like.
            var old = System.IO.Directory.Exists(indexFolder) && System.IO.Directory.EnumerateFiles(indexFolder, "segments*").Any();
            throw new PlanExtractException(old
                ? $"{indexFolder}: the search index is from an older version of planextract; run `planextract build` to rebuild it"
                : $"{indexFolder}: no search index; run `planextract build` first");
        }

        var lines = File.ReadAllLines(pointer);
        var header = lines.Length > 0 ? lines[0].Split(' ') : [];
        if (header.Length != 2 || header[0] != FormatHeader || header[1] != FormatVersion.ToString(CultureInfo.InvariantCulture) || lines.Length < 2)
        {
            throw new PlanExtractException($"{indexFolder}: the search index is from another version of planextract (format {(header.Length == 2 ? header[1] : "unknown")}, expected {FormatVersion}); run `planextract build` to rebuild it");
        }

        var generationPath = Path.Combine(indexFolder, lines[1].Trim());
        DirectoryReader reader;
        try
        {
            reader = DirectoryReader.Open(FSDirectory.Open(generationPath));
        }
        catch (Exception e) when (e is IOException or IndexNotFoundException or CorruptIndexException)
        {
            throw new PlanExtractException($"{generationPath}: the search index is damaged ({e.Message.Split('\n')[0]}); run `planextract build` to rebuild it", e);
        }

        if (!reader.IndexCommit.UserData.TryGetValue(CommitFormatKey, out var format) || format != FormatVersion.ToString(CultureInfo.InvariantCulture))
        {
            reader.Dispose();
            throw new PlanExtractException($"{generationPath}: the search index is from another version of planextract; run `planextract build` to rebuild it");
        }

        return reader;
    }

    // Generations left by earlier builds, including ones killed before their swap. Best effort: on
    // Windows a searcher may still hold files open, and the next build tries again.
    private static void RemoveStaleGenerations(string indexFolder, string live)
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
