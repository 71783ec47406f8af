using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>One format of a single document's targets (<c>extract --format</c>).</summary>
public interface IDocumentWriter
{
    /// <summary>The contract's name for the format: jsonl, json, md.</summary>
    string Format { get; }

    void Write(PlanDocument document, Stream output);
}

/// <summary>The document writers by format, first the default; a new format is one writer added here.</summary>
public static class DocumentWriters
{
    public static IReadOnlyList<IDocumentWriter> All { get; } =
    [
        new Writer("jsonl", (d, s) => JsonOutput.WriteJsonLines(s, d.AllTargets())),
        new Writer("json", (d, s) => JsonOutput.WriteTree(s, d)),
        new Writer("md", (d, s) => MarkdownTargetList.Write(s, d)),
    ];

    public static IEnumerable<string> Formats => All.Select(w => w.Format);

    public static IDocumentWriter For(string format) =>
        All.FirstOrDefault(w => w.Format == format) ?? throw new PlanExtractException($"no document writer for format '{format}'");

    private sealed class Writer(string format, Action<PlanDocument, Stream> write) : IDocumentWriter
    {
        public string Format => format;

        public void Write(PlanDocument document, Stream output) => write(document, output);
    }
}
