using PlanExtract.Model;

namespace PlanExtract.Reading;

/// <summary>Picks the reader for a file by its extension; the one place readers are registered.</summary>
public sealed class DocumentReaders
{
    private readonly IReadOnlyList<IDocumentReader> _readers;

    public DocumentReaders(IEnumerable<IDocumentReader> readers) => _readers = [.. readers];

    public static DocumentReaders Default { get; } = For(ReadLimits.Default);

    /// <summary>The three readers, each held to <paramref name="limits"/>.</summary>
    public static DocumentReaders For(ReadLimits limits) =>
        new([new TextDocumentReader(limits), new DocxReader(limits), new PdfReader(limits)]);

    public IEnumerable<string> Extensions => _readers.SelectMany(r => r.Extensions);

    public IReadOnlyList<SourceBlock> Read(string path)
    {
        var reader = Find(path) ?? throw new DocumentReadException(
            path, $"unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(", ", Extensions)})");
        RegularFile.Check(path);
        return reader.Read(path);
    }

    private IDocumentReader? Find(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return _readers.FirstOrDefault(r => r.Extensions.Contains(extension));
    }
}
