using PlanExtract.Extraction;
using PlanExtract.Text;

namespace PlanExtract.Tests.Text;

/// <summary>
/// Every line of the corpus plans and of the spec tables, folded as the rules read them, and their
/// sentences: the real text that the scan shortcuts (issue 18) are checked against.
/// </summary>
internal static class PlanText
{
    public static IReadOnlyList<string> Lines { get; } = ReadLines();

    /// <summary>Every six lines of a file run together, as a page captured from the web gives them.</summary>
    public static IReadOnlyList<string> RunInLines { get; } =
        [.. Lines.Chunk(6).Select(lines => string.Concat(lines))];

    public static IReadOnlyList<string> Sentences { get; } =
        [.. Lines.SelectMany(ClauseSplitter.Split).Select(c => c.Folded).Distinct(StringComparer.Ordinal)];

    private static List<string> ReadLines()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Corpus, "plans.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "PlanExtract.Tests", "Specs"), "*.md"))
            .Order(StringComparer.Ordinal);
        return [.. files.SelectMany(File.ReadLines).Where(l => l.Length > 0).Select(CharFold.Fold).Distinct(StringComparer.Ordinal)];
    }
}
