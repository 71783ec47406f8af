using PlanExtract.Model;

namespace PlanExtract.Reading;

/// <summary>Picks the reader for a file by its extension; the one place readers are registered.</summary>
public sealed class DocumentReaders
{
    private readonly IReadOnlyList<IDocumentReader> _readers;

    public DocumentReaders(IEnumerable<IDocumentReader> readers) => _readers = [.. readers];

    public static DocumentReaders Default { get; } = new([new TextDocumentReader(), new DocxReader(), new PdfReader()]);

    public IEnumerable<string> Extensions => _readers.SelectMany(r => r.Extensions);

    public IReadOnlyList<SourceBlock> Read(string path)
    {
        var reader = Find(path) ?? throw new DocumentReadException(
            path, $"unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(", ", Extensions)})");
        if (!File.Exists(path))
        {
            throw new DocumentReadException(path, Directory.Exists(path) ? "is a directory, not a file" : "no such file");
        }

        return reader.Read(path);
    }

    private IDocumentReader? Find(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return _readers.FirstOrDefault(r => r.Extensions.Contains(extension));
    }
}
