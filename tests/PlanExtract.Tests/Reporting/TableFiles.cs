using PlanExtract.Corpus;
using PlanExtract.Reporting;

namespace PlanExtract.Tests.Reporting;

/// <summary>The Markdown tables as the code writes them now, into a temporary folder once per test run.</summary>
internal static class TableFiles
{
    public static readonly string[] Names = ["women.md", "children.md", "measures-women.md", "measures-children.md"];

    private static readonly Lazy<string> _folder = new(() =>
    {
        var output = Path.Combine(Path.GetTempPath(), "planextract-tables-" + Guid.NewGuid().ToString("N"));
        CrossReferenceTables.WriteMarkdown(output, CorpusResults.All);
        // PLANEXTRACT_WRITE_TABLES=1 refreshes the committed output/tables/ (what build does once it calls the same entry point).
        if (Environment.GetEnvironmentVariable("PLANEXTRACT_WRITE_TABLES") == "1")
        {
            CrossReferenceTables.WriteMarkdown(Path.Combine(RepoPaths.Root, "output"), CorpusResults.All);
        }

        return Path.Combine(output, OutputLayout.TablesFolder);
    });

    public static string Folder => _folder.Value;

    /// <summary>
    /// The table with its links as they read from output/tables/ (../../corpus/…): links are relative
    /// to where a table is written, and this one was written to a temporary folder.
    /// </summary>
    public static string Read(string name)
    {
        var probe = Path.Combine(RepoPaths.Corpus, "x");
        var fromTemp = SourceLink.Relative(Folder, probe, string.Empty);
        var fromOutput = SourceLink.Relative(Path.Combine(RepoPaths.Root, "output", OutputLayout.TablesFolder), probe, string.Empty);
        return File.ReadAllText(Path.Combine(Folder, name))
            .Replace("](" + fromTemp[..^1], "](" + fromOutput[..^1], StringComparison.Ordinal);
    }
}
