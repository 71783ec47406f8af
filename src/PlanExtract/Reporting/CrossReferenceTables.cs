using System.Text;
using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>What <c>build</c> writes into <c>OUT/tables/</c>: the indicator tables and the measures coverage, per plan type.</summary>
public static class CrossReferenceTables
{
    /// <summary>
    /// Writes <c>women.md</c>, <c>children.md</c>, <c>measures-women.md</c> and <c>measures-children.md</c>
    /// into <c>outputFolder/tables/</c>, using the catalog of the corpus the results came from.
    /// </summary>
    public static void WriteMarkdown(string outputFolder, IReadOnlyList<DocumentResult> results) =>
        WriteMarkdown(outputFolder, results, CatalogOf(results));

    public static void WriteMarkdown(string outputFolder, IReadOnlyList<DocumentResult> results, IndicatorCatalog catalog)
    {
        var folder = Path.Combine(outputFolder, OutputLayout.TablesFolder);
        Directory.CreateDirectory(folder);
        // The four files share nothing but the read-only results, so they are made side by side on
        // every core; each is still written whole and moved into place.
        var plans = new[] { PlanKind.Women, PlanKind.Children };
        var jobs = plans.SelectMany(plan => new Action[]
        {
            () => Write(Path.Combine(folder, plan.ToContractName() + ".md"), MarkdownCrossTable.Write([CrossTableBuilder.Build(results, plan, catalog)], folder)),
            () => Write(Path.Combine(folder, $"measures-{plan.ToContractName()}.md"), MarkdownMeasures.Write(MeasuresCoverage.Build(results, plan), folder)),
        }).ToArray();
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, jobs);
    }

    /// <summary>The catalog beside the documents: the corpus root is where the records' "corpus/…" names start.</summary>
    public static IndicatorCatalog CatalogOf(IReadOnlyList<DocumentResult> results)
    {
        foreach (var document in results.Select(r => r.Document))
        {
            var relative = document.Source.StartsWith("corpus/", StringComparison.Ordinal) ? document.Source["corpus/".Length..] : null;
            var full = Path.GetFullPath(document.FilePath).Replace(Path.DirectorySeparatorChar, '/');
            if (relative is not null && full.EndsWith("/" + relative, StringComparison.Ordinal))
            {
                return IndicatorCatalog.ForCorpus(full[..^(relative.Length + 1)]) ?? IndicatorCatalog.Empty;
            }
        }

        return IndicatorCatalog.Empty;
    }

    // Written whole and moved into place, so a reader never sees half a table.
    private static void Write(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
