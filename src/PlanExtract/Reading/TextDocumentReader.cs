using PlanExtract.Model;

namespace PlanExtract.Reading;

/// <summary>
/// Reads .txt and .md plans: detects the encoding, splits lines (CRLF, CR or LF) and keeps
/// each non-blank line as a block with its 1-based line number. Markdown marks are left in
/// the text; the segmenter reads headings at any level or none, so it treats them as noise.
/// </summary>
public sealed class TextDocumentReader(ReadLimits? limits = null) : IDocumentReader
{
    private readonly ReadLimits _limits = limits ?? ReadLimits.Default;

    public IReadOnlyList<string> Extensions { get; } = [".txt", ".md", ".markdown", ".text"];

    public IReadOnlyList<SourceBlock> Read(string path)
    {
        var bytes = DocumentFile.ReadAllBytes(path, _limits);
        return ReadBytes(path, bytes, _limits);
    }

    public static IReadOnlyList<SourceBlock> ReadBytes(string path, byte[] bytes, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        var text = TextDecoder.Decode(path, bytes);
        if (text.Length > limits.MaxTextChars)
        {
            throw new DocumentReadException(path, ReadLimits.Exceeded(FormattableString.Invariant($"the text has {text.Length:N0} characters"), limits.MaxTextChars, "characters of text"));
        }

        var blocks = new List<SourceBlock>();
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (!line.IsWhiteSpace())
            {
                if (blocks.Count == limits.MaxParagraphs)
                {
                    throw new DocumentReadException(path, ReadLimits.Exceeded("too many lines", limits.MaxParagraphs, "paragraphs or lines"));
                }

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
