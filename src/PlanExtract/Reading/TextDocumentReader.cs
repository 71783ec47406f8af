using System.Text;
using PlanExtract.Model;

namespace PlanExtract.Reading;

/// <summary>
/// Reads .txt and .md plans: detects the encoding, splits lines (CRLF, CR or LF) and keeps
/// each non-blank line as a block with its 1-based line number. Markdown marks are left in
/// the text; the segmenter reads headings at any level or none, so it treats them as noise.
/// </summary>
public sealed class TextDocumentReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".txt", ".md", ".markdown", ".text"];

    public IReadOnlyList<SourceBlock> Read(string path)
    {
        var bytes = DocumentFile.ReadAllBytes(path);
        return ReadBytes(path, bytes);
    }

    public static IReadOnlyList<SourceBlock> ReadBytes(string path, byte[] bytes)
    {
        var text = TextDecoder.Decode(path, bytes);
        var blocks = new List<SourceBlock>();
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (!line.IsWhiteSpace())
            {
                blocks.Add(new SourceBlock(line.ToString(), lineNumber, null));
            }
        }

        if (blocks.Count == 0)
        {
            throw new DocumentReadException(path, "the file holds no text");
        }

        return blocks;
    }
}
