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

        return Path.Combine(output, CrossReferenceTables.Folder);
    });

    public static string Folder => _folder.Value;

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));
}
