using System.Text;
using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>
/// The table files one write produced, relative to the output folder ('/'-separated): all of them,
/// and those whose published text was already the same (not written again).
/// </summary>
public sealed record TableFiles(IReadOnlyList<string> All, IReadOnlyList<string> Unchanged);

/// <summary>What <c>build</c> writes into <c>OUT/tables/</c>: the indicator tables and the measures coverage, per plan type.</summary>
public static class CrossReferenceTables
{
    /// <summary>
    /// Writes <c>women.md</c>, <c>children.md</c>, <c>measures-women.md</c> and <c>measures-children.md</c>
    /// into <c>outputFolder/tables/</c>, using the catalog of the corpus the results came from; a
    /// corpus of more than <see cref="CountryTables.MaxDistrictColumns"/> districts gets them per
    /// province or city and a national summary instead (<see cref="WriteMarkdown(string, IReadOnlyList{DocumentResult}, IndicatorCatalog, int)"/>).
    /// </summary>
    public static TableFiles WriteMarkdown(string outputFolder, IReadOnlyList<DocumentResult> results) =>
        WriteMarkdown(outputFolder, results, CatalogOf(results));

    /// <summary>
    /// Writes the tables into <paramref name="stagingFolder"/> with their links made for the place
    /// they are published at, <paramref name="outputFolder"/>: a build stages its outputs and moves
    /// them in together, and a link must not point from the staging folder.
    /// </summary>
    /// <returns>
    /// Every table file of this build, relative to <paramref name="outputFolder"/> ('/'-separated),
    /// and which of them were staged: a file whose text is already the published one's is not
    /// staged again, so an update that changes one district rewrites only what it changes.
    /// </returns>
    public static TableFiles WriteMarkdown(string stagingFolder, string outputFolder, IReadOnlyList<DocumentResult> results) =>
        WriteMarkdown(stagingFolder, results, CatalogOf(results), linkOutputFolder: outputFolder);

    /// <param name="maxColumns">The most districts one table shows (<see cref="CountryTables.MaxDistrictColumns"/>; lower only to try the split on a small corpus).</param>
    /// <param name="linkOutputFolder">The output folder the tables are published in, when they are written elsewhere first (links are relative to it).</param>
    public static TableFiles WriteMarkdown(string outputFolder, IReadOnlyList<DocumentResult> results, IndicatorCatalog catalog, int maxColumns = CountryTables.MaxDistrictColumns, string? linkOutputFolder = null)
    {
        var folder = Path.Combine(outputFolder, OutputLayout.TablesFolder);
        var publishedRoot = linkOutputFolder ?? outputFolder;
        var linkFolder = Path.Combine(publishedRoot, OutputLayout.TablesFolder);
        var inPlace = Path.GetFullPath(folder) == Path.GetFullPath(linkFolder);
        Directory.CreateDirectory(folder);
        var plans = new[] { PlanKind.Women, PlanKind.Children };
        var tables = new CrossTable[plans.Length];
        Parallel.For(0, plans.Length, Options, i => tables[i] = CrossTableBuilder.Build(results, plans[i], catalog));
        // The files share nothing but the read-only results, so they are made side by side on
        // every core; each is still written whole and moved into place.
        var files = CountryLayout.Of(tables, maxColumns) is { } layout ? Country(folder, linkFolder, results, tables, catalog, layout, maxColumns) : OneTable(folder, linkFolder, results, tables);
        var staged = new bool[files.Count];
        Parallel.For(0, files.Count, Options, i =>
        {
            var file = files[i];
            staged[i] = WriteIfChanged(file.Path, Path.Combine(linkFolder, Path.GetRelativePath(folder, file.Path)), file.Text(), viaTemporary: inPlace);
        });
        if (inPlace)
        {
            RemoveStale(folder, [.. files.Select(f => Path.GetFullPath(f.Path))]);
        }

        var relative = files.Select(f => RelativePath.Of(outputFolder, f.Path)).ToList();
        return new TableFiles(relative, [.. relative.Where((_, i) => !staged[i])]);
    }

    /// <summary>
    /// The table files found under <c>outputFolder/tables/</c>, relative to <paramref name="outputFolder"/>
    /// ('/'-separated): what <see cref="Stale"/> picks from. A walk of every folder (3,200 at country
    /// scale), so a build starts it early.
    /// </summary>
    public static IReadOnlyList<string> Published(string outputFolder)
    {
        var tablesFolder = Path.Combine(outputFolder, OutputLayout.TablesFolder);
        return Directory.Exists(tablesFolder)
            ? [.. Directory.EnumerateFiles(tablesFolder, "*.md", SearchOption.AllDirectories)
                .Where(f => TableFileNames.Contains(Path.GetFileName(f)))
                .Select(f => RelativePath.Of(outputFolder, f))]
            : [];
    }

    /// <summary>
    /// The files of <paramref name="published"/> (<see cref="Published"/>) that <paramref name="written"/>
    /// (relative to the output folder) does not name, in ordinal order: the last build's tables of a
    /// district, a part or a layout this one no longer has. Only the table files' own names are matched.
    /// </summary>
    public static IReadOnlyList<string> Stale(IReadOnlyList<string> published, IReadOnlyCollection<string> written)
    {
        var keep = written.ToHashSet(StringComparer.Ordinal);
        return [.. published.Where(f => !keep.Contains(f)).Order(StringComparer.Ordinal)];
    }

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> unless <paramref name="published"/>
    /// already holds it; whether it wrote. At country scale an update changes a few of 11,000
    /// files: the others are compared, not written, staged and moved again (the moves alone took
    /// seconds under load).
    /// </summary>
    internal static bool WriteIfChanged(string path, string published, string text, bool viaTemporary = false)
    {
        var bytes = Utf8.GetBytes(text);
        if (SameBytes(published, bytes))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Write(path, bytes, viaTemporary);
        return true;
    }

    private static bool SameBytes(string path, byte[] bytes)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>One file of the tables and how to make its text.</summary>
    private sealed record TableFile(string Path, Func<string> Text);

    private static readonly HashSet<string> TableFileNames = new(StringComparer.Ordinal)
    {
        "women.md", "children.md", "measures-women.md", "measures-children.md", CountryTables.SummaryPrefix + "women.md", CountryTables.SummaryPrefix + "children.md",
    };

    private static readonly ParallelOptions Options = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>The four files as they always were: every district a column.</summary>
    private static List<TableFile> OneTable(string folder, string linkFolder, IReadOnlyList<DocumentResult> results, CrossTable[] tables) =>
    [
        .. tables.SelectMany(table => new TableFile[]
        {
            new(Path.Combine(folder, table.Plan.ToContractName() + ".md"), () => MarkdownCrossTable.Write([table], linkFolder)),
            new(Path.Combine(folder, $"measures-{table.Plan.ToContractName()}.md"), () => MarkdownMeasures.Write(MeasuresCoverage.Build(results, table.Plan), linkFolder)),
        }),
    ];

    /// <summary>The four files per province or city (tables/广东省/women.md, tables/广东省/清远市/women.md) and summary-women.md, summary-children.md.</summary>
    private static List<TableFile> Country(string folder, string linkFolder, IReadOnlyList<DocumentResult> results, CrossTable[] tables, IndicatorCatalog catalog, CountryLayout layout, int maxColumns)
    {
        var parts = layout.Parts;
        var resultsOf = layout.ResultsByPart(results);
        var files = new List<TableFile>();
        foreach (var table in tables)
        {
            var name = table.Plan.ToContractName();
            var columnsOf = layout.ColumnsByPart(table);
            for (var p = 0; p < parts.Count; p++)
            {
                var columns = columnsOf[p];
                if (columns.Count == 0)
                {
                    continue;
                }

                var (part, partResults) = (parts[p], resultsOf[p]);
                var (partFolder, partLinks) = (Path.Combine(folder, part.Folder), Path.Combine(linkFolder, part.Folder));
                files.Add(new(Path.Combine(partFolder, name + ".md"), () => MarkdownCrossTable.Write([table.Only(columns) with { Area = part.Area }], partLinks)));
                files.Add(new(Path.Combine(partFolder, $"measures-{name}.md"), () => MarkdownMeasures.Write(MeasuresCoverage.Build(partResults, table.Plan), partLinks)));
            }

            var partOfColumn = layout.PartOfColumns(table);
            files.Add(new(Path.Combine(folder, $"{CountryTables.SummaryPrefix}{name}.md"), () => CountryTables.Summary(table, partOfColumn, catalog, linkFolder, maxColumns)));
        }

        return files;
    }

    /// <summary>
    /// Drops the tables this build did not write (the other layout's, a removed district's, a plan
    /// type a part no longer has), then the folders left empty, so last build's tables do not lie
    /// beside this one's. Only the table files' own names are touched.
    /// </summary>
    private static void RemoveStale(string folder, HashSet<string> written)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).ToList())
        {
            if (TableFileNames.Contains(Path.GetFileName(file)) && !written.Contains(Path.GetFullPath(file)))
            {
                File.Delete(file);
            }
        }

        // Deepest first, so a province folder whose cities all went is empty when its turn comes.
        foreach (var empty in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(empty).Any())
            {
                Directory.Delete(empty);
            }
        }
    }

    /// <summary>The catalog beside the documents: the corpus root is where the records' "corpus/…" names start.</summary>
    public static IndicatorCatalog CatalogOf(IReadOnlyList<DocumentResult> results) => CatalogOf(results.Select(r => r.Document));

    /// <summary>The catalog beside these documents.</summary>
    public static IndicatorCatalog CatalogOf(IEnumerable<CorpusDocument> documents)
    {
        foreach (var document in documents)
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

    // In place, written whole and moved into place, so a reader never sees half a table; a staging
    // folder is not read until the build moves its files in, so there they are written directly.
    private static void Write(string path, byte[] bytes, bool viaTemporary)
    {
        if (!viaTemporary)
        {
            File.WriteAllBytes(path, bytes);
            return;
        }

        AtomicFile.Write(path, to => to.Write(bytes));
    }
}
