namespace PlanExtract.Corpus;

/// <summary>One document in the corpus: its folder, its file and its metadata.</summary>
/// <param name="Error">Why the document's meta.json cannot be read; the document then stands for its meta.json.</param>
public sealed record CorpusDocument(string Folder, string FilePath, string Source, CorpusMetadata Metadata, string? Error = null)
{
    /// <summary>A stable id: the folder below the corpus root, '/' made '_' ("广东省_清远市_清城区").</summary>
    public string Id => Source[..Source.LastIndexOf('/')].Replace("corpus/", string.Empty, StringComparison.Ordinal).Replace('/', '_');
}

/// <summary>
/// The corpus on disk: one folder per issuing government (corpus/广东省/清远市/清城区/), each with
/// a <c>meta.json</c> naming its document. A city's folder may hold its districts' folders.
/// </summary>
public sealed class CorpusLayout(string root)
{
    public const string MetadataFile = "meta.json";

    // Without a trailing separator: "--corpus c2/" once put every add's folder "outside" the corpus.
    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    /// <summary>The folder as the user gave it (<c>--corpus /tmp/c2</c>), for messages.</summary>
    public string Given { get; } = root;

    /// <summary>Every document, in a stable order (by the path of its meta.json, ordinal); what is not one is left out (see <see cref="Inventory"/>).</summary>
    public IReadOnlyList<CorpusDocument> Documents() => Inventory().Documents;

    /// <summary>Every document, and a finding for each file or link under the corpus that is not part of one.</summary>
    public CorpusInventory Inventory() => CorpusInventory.Take(this, [.. Reading.DocumentReaders.Default.Extensions]);

    // One unreadable meta.json is that document's error; the others still build.
    internal CorpusDocument LoadOrReport(string metadataPath)
    {
        try
        {
            return Load(metadataPath);
        }
        catch (DocumentReadException e)
        {
            var folder = Path.GetDirectoryName(metadataPath)!;
            return new CorpusDocument(folder, metadataPath, SourceName(metadataPath), CorpusMetadata.Unreadable(folder), e.Reason);
        }
    }

    public CorpusDocument Load(string metadataPath)
    {
        var meta = CorpusMetadata.Read(metadataPath);
        var folder = Path.GetDirectoryName(metadataPath)!;
        var file = Path.Combine(folder, meta.File);
        return new CorpusDocument(folder, file, SourceName(file), meta);
    }

    /// <summary>How records cite a corpus file: "corpus/广东省/清远市/清城区/plans.txt".</summary>
    public string SourceName(string file) =>
        "corpus/" + RelativePath.Of(Root, file);

    /// <summary>How messages name a corpus file: under the folder the user gave ("/tmp/c2/广东省/清远市/plans.txt").</summary>
    public string DisplayPath(string file) =>
        Given.TrimEnd('/', Path.DirectorySeparatorChar) + "/" + RelativePath.Of(Root, file);
}
