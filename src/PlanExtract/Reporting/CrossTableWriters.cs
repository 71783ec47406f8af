using System.Text;

namespace PlanExtract.Reporting;

/// <param name="LinkFolder">Where the written file will lie: each cell's link to its source line is made relative to it.</param>
public sealed record CrossTableWriteOptions(string LinkFolder);

/// <summary>One format of the cross-reference table (<c>table --format</c>).</summary>
public interface ICrossTableWriter
{
    /// <summary>The contract's name for the format: md, csv, docx, xlsx.</summary>
    string Format { get; }

    /// <summary>A binary format cannot go to a terminal: the caller must give a file.</summary>
    bool Binary { get; }

    void Write(IReadOnlyList<CrossTable> tables, Stream output, CrossTableWriteOptions options);
}

/// <summary>The table writers by format, first the default; a new format is one writer added here.</summary>
public static class CrossTableWriters
{
    public static IReadOnlyList<ICrossTableWriter> All { get; } =
        [new MarkdownTableWriter(), new CsvTableWriter(), new DocxTableWriter(), new XlsxTableWriter()];

    public static IEnumerable<string> Formats => All.Select(w => w.Format);

    public static ICrossTableWriter For(string format) =>
        All.FirstOrDefault(w => w.Format == format) ?? throw new PlanExtractException($"no table writer for format '{format}'");

    private sealed class MarkdownTableWriter : ICrossTableWriter
    {
        public string Format => "md";

        public bool Binary => false;

        public void Write(IReadOnlyList<CrossTable> tables, Stream output, CrossTableWriteOptions options) =>
            output.Write(Encoding.UTF8.GetBytes(MarkdownCrossTable.Write(tables, options.LinkFolder)));
    }

    private sealed class CsvTableWriter : ICrossTableWriter
    {
        public string Format => "csv";

        public bool Binary => false;

        public void Write(IReadOnlyList<CrossTable> tables, Stream output, CrossTableWriteOptions options) =>
            output.Write(CsvCrossTable.Write(tables));
    }

    private sealed class DocxTableWriter : ICrossTableWriter
    {
        public string Format => "docx";

        public bool Binary => true;

        public void Write(IReadOnlyList<CrossTable> tables, Stream output, CrossTableWriteOptions options) =>
            DocxCrossTable.Write(output, tables, options.LinkFolder);
    }

    private sealed class XlsxTableWriter : ICrossTableWriter
    {
        public string Format => "xlsx";

        public bool Binary => true;

        public void Write(IReadOnlyList<CrossTable> tables, Stream output, CrossTableWriteOptions options) =>
            XlsxCrossTable.Write(output, tables, options.LinkFolder);
    }
}
