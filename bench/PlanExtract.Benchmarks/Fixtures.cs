using PlanExtract.Reading;
using UglyToad.PdfPig;

namespace PlanExtract.Benchmarks;

/// <summary>The reader fixtures of the test project, found from wherever BenchmarkDotNet runs its child process.</summary>
public static class Fixtures
{
    public static IEnumerable<string> Pdfs => Names("*.pdf");

    public static IEnumerable<string> Docxs => Names("*.docx");

    public static string Path(string name) => System.IO.Path.Combine(Folder, name);

    /// <summary>What the throughput counts: pages of a PDF, paragraphs of a .docx.</summary>
    public static (int Count, string Unit) Units(string name)
    {
        if (name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            using var document = PdfDocument.Open(Path(name));
            return (document.NumberOfPages, "pages");
        }

        var blocks = DocxReader.ReadBytes(name, File.ReadAllBytes(Path(name)));
        return (blocks.Max(b => b.Line ?? 0), "paragraphs");
    }

    private static IEnumerable<string> Names(string pattern) =>
        Directory.EnumerateFiles(Folder, pattern).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>The repository's corpus folder.</summary>
    public static string CorpusFolder() => System.IO.Path.Combine(Repository(), "corpus");

    private static string Folder => System.IO.Path.Combine(Repository(), "tests", "PlanExtract.Tests", "Fixtures");

    private static string Repository()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "PlanExtract.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the PlanExtract repository");
    }
}
