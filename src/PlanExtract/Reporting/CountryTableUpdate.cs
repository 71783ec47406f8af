using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>
/// Updates a country's tables (split per province or city) from the <see cref="TableState"/> the
/// last build kept: the row order, the rows' domains and the national summaries are folded from
/// the state, and only the parts an update touches are made again from their records, so an add
/// or a remove costs about its part, not the country. The files are the ones a whole rewrite
/// (<see cref="CrossReferenceTables.WriteMarkdown(string, IReadOnlyList{DocumentResult}, IndicatorCatalog, int, string?)"/>) makes.
/// </summary>
public static class CountryTableUpdate
{
    /// <summary>Past this share of changed documents the tables are made whole: reading every record then costs less than part by part.</summary>
    public const double MaxChangedShare = 0.25;

    private static readonly PlanKind[] Plans = [PlanKind.Women, PlanKind.Children];

    /// <summary>What an update wrote: the table files (as <see cref="CrossReferenceTables.WriteMarkdown(string, string, IReadOnlyList{DocumentResult})"/> gives them), the state to keep, and how many parts it made again.</summary>
    public sealed record Result(TableFiles Files, TableState State, int PartsWritten);

    /// <summary>
    /// Stages the tables that changed into <paramref name="stagingFolder"/>/tables/ (links made for
    /// <paramref name="outputFolder"/>); null when the state cannot give them exactly (another code,
    /// catalog, folder or threshold; tables not split, now or before; too many documents changed),
    /// and the caller then makes them whole.
    /// </summary>
    /// <param name="documents">The corpus now, in corpus order.</param>
    /// <param name="reread">Documents whose records this build made anew.</param>
    /// <param name="recordsOf">This build's records of the given documents (their slim trees), in the order given.</param>
    /// <param name="intact">Whether a published table file (relative to the output folder, '/'-separated) is as the last build wrote it.</param>
    /// <param name="lastLayouts"><see cref="LastLayouts"/> of <paramref name="last"/> when the caller folded it already (while it indexed).</param>
    /// <param name="stamps">Each document's <see cref="DistrictState.StampOf"/>, in the order of <paramref name="documents"/>, when the caller worked them out already.</param>
    /// <param name="stateFile">Where the state to keep is saved, on another core while the parts are written; a null answer may leave it there for the caller to delete.</param>
    public static Result? TryWrite(
        string stagingFolder,
        string outputFolder,
        TableState last,
        TableState now,
        IReadOnlyList<CorpusDocument> documents,
        IReadOnlySet<string> reread,
        Func<IReadOnlyList<CorpusDocument>, IReadOnlyList<DocumentResult>> recordsOf,
        IndicatorCatalog catalog,
        int maxColumns,
        Func<string, bool> intact,
        IReadOnlyList<RowLayout>? lastLayouts = null,
        IReadOnlyList<string>? stamps = null,
        string? stateFile = null)
    {
        if (last.Fingerprint != now.Fingerprint || last.Place != now.Place)
        {
            return null;
        }

        var lastCells = last.Cells;
        var lastOf = new Dictionary<string, int>(lastCells.Count, StringComparer.Ordinal);
        for (var d = 0; d < lastCells.Count; d++)
        {
            lastOf.TryAdd(lastCells.Sources[d], d);
        }

        var present = documents.Select(d => d.Source).ToHashSet(StringComparer.Ordinal);
        var changed = documents.Where((d, i) => reread.Contains(d.Source) || !lastOf.TryGetValue(d.Source, out var was) || lastCells.Stamps[was] != (stamps?[i] ?? DistrictState.StampOf(d))).ToList();
        var removed = lastCells.Sources.Where(s => !present.Contains(s)).ToList();
        if (changed.Count + removed.Count > MaxChangedShare * Math.Max(documents.Count, 1))
        {
            return null;
        }

        var fresh = recordsOf(changed);
        if (fresh.Count != changed.Count)
        {
            return null;
        }

        var freshOf = new Dictionary<string, DistrictState>(StringComparer.Ordinal);
        foreach (var result in fresh)
        {
            freshOf[result.Document.Source] = DistrictState.Of(result, catalog);
        }

        var cells = StateCells.Next(lastCells, lastOf, documents, freshOf);
        var kept = new TableState(now.Fingerprint, now.Place, cells);
        var saving = stateFile is null ? null : Task.Run(() => kept.Save(stateFile));
        Result? answer;
        try
        {
            answer = Rest();
        }
        catch
        {
            saving?.ContinueWith(static t => t.Exception, TaskScheduler.Default).Wait();
            throw;
        }

        saving?.GetAwaiter().GetResult();
        return answer;

        // Everything after the states, while the state is saved.
        Result? Rest()
        {
            var read = documents.Where((_, i) => cells.Read[i]).ToList();
            // Each plan type's districts (by index in the corpus), in column order.
            var planDistricts = Plans.Select((_, k) => Enumerable.Range(0, cells.Count).Where(i => cells.Plans[k].Has[i]).ToArray()).ToArray();
            var columns = Plans.Select((_, k) => CrossTableBuilder.Columns([.. planDistricts[k].Select(i => documents[i])], read)).ToArray();
            var layout = CountryLayout.Of([.. columns.Select(c => c.Select(d => d.Document.Source))], maxColumns);
            var lastLayout = CountryLayout.Of([.. Plans.Select((_, k) => SourcesWith(lastCells, k))], maxColumns);
            if (layout is null || lastLayout is null)
            {
                return null;
            }

            var rowLayouts = Fold(cells, catalog);
            var tables = Plans.Select((plan, k) => new CrossTable(plan, columns[k], [])).ToArray();
            var columnsOf = tables.Select(layout.ColumnsByPart).ToArray();

            var touched = Touched(layout, lastLayout, documents, changed.Select(d => d.Source).Concat(removed).ToList(), tables, lastCells);
            var lastRowLayouts = lastLayouts ?? LastLayouts(last, catalog);
            for (var k = 0; k < Plans.Length; k++)
            {
                if (rowLayouts[k].SameAs(lastRowLayouts[k]))
                {
                    continue;
                }

                // The rows' order or domains moved: a part whose own rows moved is made again (its keys are its districts', unchanged when it is not touched).
                for (var p = 0; p < layout.Parts.Count; p++)
                {
                    if (!touched[p] && columnsOf[k][p].Count > 0)
                    {
                        var keys = columnsOf[k][p].SelectMany(c => Keys(cells, k, planDistricts[k][c])).ToHashSet(StringComparer.Ordinal);
                        touched[p] = rowLayouts[k].Restricted(keys) != lastRowLayouts[k].Restricted(keys);
                    }
                }
            }

            var files = new List<(string Relative, int Part, int Plan)>();
            for (var k = 0; k < Plans.Length; k++)
            {
                for (var p = 0; p < layout.Parts.Count; p++)
                {
                    if (columnsOf[k][p].Count > 0)
                    {
                        var name = Plans[k].ToContractName();
                        files.Add(($"{OutputLayout.TablesFolder}/{layout.Parts[p].Folder}/{name}.md", p, k));
                        files.Add(($"{OutputLayout.TablesFolder}/{layout.Parts[p].Folder}/measures-{name}.md", p, k));
                    }
                }
            }

            // A published file edited or deleted since is made again with its part.
            foreach (var file in files.Where(f => !touched[f.Part] && !intact(f.Relative)))
            {
                touched[file.Part] = true;
            }

            var staged = new HashSet<string>(StringComparer.Ordinal);
            var written = Write(stagingFolder, outputFolder, layout, touched, columns, columnsOf, rowLayouts, documents, recordsOf, catalog, staged);
            if (written is null)
            {
                return null;
            }

            var linkFolder = Path.Combine(outputFolder, OutputLayout.TablesFolder);
            var summaries = Plans.Select(plan => $"{OutputLayout.TablesFolder}/{CountryTables.SummaryPrefix}{plan.ToContractName()}.md").ToArray();
            var summaryStaged = new bool[Plans.Length];
            // Each plan type's summary folds every district's cells: one per core.
            Parallel.For(0, Plans.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
            {
                var whole = new CrossTable(Plans[k], columns[k], []);
                var text = CountryTables.Summary(whole, SummaryRows(cells, k, planDistricts[k], rowLayouts[k], layout.PartOfColumns(whole), catalog), linkFolder, maxColumns);
                summaryStaged[k] = CrossReferenceTables.WriteIfChanged(Path.Combine(stagingFolder, summaries[k]), Path.Combine(outputFolder, summaries[k]), text);
            });
            staged.UnionWith(summaries.Where((_, k) => summaryStaged[k]));

            List<string> all = [.. files.Where(f => f.Plan == 0).Select(f => f.Relative), summaries[0], .. files.Where(f => f.Plan == 1).Select(f => f.Relative), summaries[1]];
            return new Result(new TableFiles(all, [.. all.Where(f => !staged.Contains(f))]), kept, written.Value);
        }
    }

    /// <summary>The row layout of each plan type (women, children) the last build's tables had, folded from its state.</summary>
    public static IReadOnlyList<RowLayout> LastLayouts(TableState last, IndicatorCatalog catalog) => Fold(last.Cells, catalog);

    // The plan types' folds are apart: one per core.
    private static RowLayout[] Fold(StateCells cells, IndicatorCatalog catalog)
    {
        var layouts = new RowLayout[Plans.Length];
        Parallel.For(0, Plans.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k => layouts[k] = RowLayout.Of(cells, k, catalog));
        return layouts;
    }

    // The sources of the districts with a plan of type k, in corpus order.
    private static IEnumerable<string> SourcesWith(StateCells cells, int k) =>
        Enumerable.Range(0, cells.Count).Where(d => cells.Plans[k].Has[d]).Select(d => cells.Sources[d]);

    // District d's row keys of plan type k.
    private static IEnumerable<string> Keys(StateCells cells, int k, int d)
    {
        var plan = cells.Plans[k];
        for (var c = plan.CellStart[d]; c < plan.CellStart[d + 1]; c++)
        {
            yield return cells.Strings[plan.Key[c]];
        }
    }

    /// <summary>
    /// The parts an update must make again before the row layout is compared: those holding a
    /// changed document or a district below one (its government above, and so its marks and
    /// legend, may have changed), and those whose districts are not the last build's.
    /// </summary>
    private static bool[] Touched(CountryLayout layout, CountryLayout lastLayout, IReadOnlyList<CorpusDocument> documents, IReadOnlyList<string> changed, CrossTable[] tables, StateCells last)
    {
        var touched = new bool[layout.Parts.Count];
        var changedSet = changed.ToHashSet(StringComparer.Ordinal);
        var changedFolders = changed.Select(Folder).Distinct(StringComparer.Ordinal).ToList();
        foreach (var document in documents)
        {
            if (layout.PartOf(document.Source) is var p and >= 0 && !touched[p])
            {
                var folder = Folder(document.Source);
                touched[p] = changedSet.Contains(document.Source)
                    || changedFolders.Any(c => folder.Length > c.Length && folder.StartsWith(c, StringComparison.Ordinal));
            }
        }

        var members = Members(layout, Plans.Select((_, k) => tables[k].Districts.Select(d => d.Document.Source)).ToArray());
        var lastMembers = Members(lastLayout, Plans.Select((_, k) => SourcesWith(last, k)).ToArray());
        for (var p = 0; p < layout.Parts.Count; p++)
        {
            touched[p] |= !lastMembers.TryGetValue(layout.Parts[p].Folder, out var was) || was != members[layout.Parts[p].Folder];
        }

        return touched;
    }

    // "corpus/广东省/清远市/" of "corpus/广东省/清远市/plans.txt": a government above lies in a folder holding this one.
    private static string Folder(string source) => source[..(source.LastIndexOf('/') + 1)];

    /// <summary>Each part's districts per plan type, in table order, as one string per part folder.</summary>
    private static Dictionary<string, string> Members(CountryLayout layout, IEnumerable<string>[] sourcesPerPlan)
    {
        var members = layout.Parts.ToDictionary(p => p.Folder, _ => new System.Text.StringBuilder(), StringComparer.Ordinal);
        for (var k = 0; k < sourcesPerPlan.Length; k++)
        {
            foreach (var source in sourcesPerPlan[k])
            {
                members[layout.Parts[layout.PartOf(source)].Folder].Append(k).Append(':').Append(source).Append('\n');
            }
        }

        return members.ToDictionary(m => m.Key, m => m.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>Makes the touched parts' files from their records (and their governments' above, for the marks); how many parts, or null when a record is missing.</summary>
    private static int? Write(
        string stagingFolder,
        string outputFolder,
        CountryLayout layout,
        bool[] touched,
        IReadOnlyList<DistrictColumn>[] columns,
        IReadOnlyList<IReadOnlyList<int>>[] columnsOf,
        RowLayout[] rowLayouts,
        IReadOnlyList<CorpusDocument> documents,
        Func<IReadOnlyList<CorpusDocument>, IReadOnlyList<DocumentResult>> recordsOf,
        IndicatorCatalog catalog,
        HashSet<string> staged)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (layout.PartOf(document.Source) is var p and >= 0 && touched[p])
            {
                needed.Add(document.Source);
            }
        }

        for (var k = 0; k < Plans.Length; k++)
        {
            for (var p = 0; p < layout.Parts.Count; p++)
            {
                if (touched[p])
                {
                    foreach (var c in columnsOf[k][p])
                    {
                        if (columns[k][c].ParentDocument is { } parent)
                        {
                            needed.Add(parent.Source);
                        }
                    }
                }
            }
        }

        var wanted = documents.Where(d => needed.Contains(d.Source)).ToList();
        var records = recordsOf(wanted);
        if (records.Count != wanted.Count)
        {
            return null;
        }

        var recordOf = records.ToDictionary(r => r.Document.Source, StringComparer.Ordinal);
        var resultsOf = layout.ResultsByPart(records);
        var parts = Enumerable.Range(0, layout.Parts.Count).Where(p => touched[p]).ToList();
        var stagedFiles = new List<string>[parts.Count];
        Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var p = parts[i];
            var part = layout.Parts[p];
            var partLinks = Path.Combine(outputFolder, OutputLayout.TablesFolder, part.Folder);
            stagedFiles[i] = [];
            for (var k = 0; k < Plans.Length; k++)
            {
                if (columnsOf[k][p].Count == 0)
                {
                    continue;
                }

                var plan = Plans[k];
                var partColumns = columnsOf[k][p].Select(c => columns[k][c]).ToList();
                var partRows = partColumns.Select(c => CrossTableBuilder.Rows(recordOf[c.Document.Source], plan, catalog, levels: false)).ToList();
                var table = CrossTableBuilder.Fill(plan, partColumns, partRows, c => partColumns[c].ParentDocument is { } parent ? recordOf[parent.Source] : null, rowLayouts[k], catalog, TableFilter.None, dropEmpty: true) with { Area = part.Area };
                var name = plan.ToContractName();
                var texts = new[]
                {
                    ($"{OutputLayout.TablesFolder}/{part.Folder}/{name}.md", (Func<string>)(() => MarkdownCrossTable.Write([table], partLinks))),
                    ($"{OutputLayout.TablesFolder}/{part.Folder}/measures-{name}.md", () => MarkdownMeasures.Write(MeasuresCoverage.Build(resultsOf[p], plan), partLinks)),
                };
                foreach (var (relative, text) in texts)
                {
                    if (CrossReferenceTables.WriteIfChanged(Path.Combine(stagingFolder, relative), Path.Combine(outputFolder, relative), text()))
                    {
                        stagedFiles[i].Add(relative);
                    }
                }
            }
        });
        staged.UnionWith(stagedFiles.SelectMany(f => f));
        return parts.Count;
    }

    /// <summary>
    /// The national summary's rows as <see cref="CountryTables.SummaryRows"/> makes them from the
    /// whole table, made from the districts that state each row (their first levels, in the
    /// state's columns) instead of a cell per district: a country's rows × districts is millions of
    /// mostly empty cells. Only the strictest and loosest levels become objects.
    /// </summary>
    /// <param name="districts">The districts with a plan of type <paramref name="k"/>, by corpus index, in column order.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static List<(DomainTable Domain, IReadOnlyList<SummaryRow> Rows)> SummaryRows(StateCells cells, int k, int[] districts, RowLayout layout, IReadOnlyList<TablePart> partOfColumn, IndicatorCatalog catalog)
    {
        var plan = cells.Plans[k];
        // The cells under each row key, in column order, as one array cut by row (counted, then placed).
        var rowOf = new int[cells.Strings.Count];
        Array.Fill(rowOf, -1);
        var rowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        foreach (var d in districts)
        {
            for (var c = plan.CellStart[d]; c < plan.CellStart[d + 1]; c++)
            {
                if (rowOf[plan.Key[c]] < 0)
                {
                    rowOf[plan.Key[c]] = counts.Count;
                    rowOfKey.Add(cells.Strings[plan.Key[c]], counts.Count);
                    counts.Add(0);
                }

                counts[rowOf[plan.Key[c]]]++;
            }
        }

        var start = new int[counts.Count + 1];
        for (var r = 0; r < counts.Count; r++)
        {
            start[r + 1] = start[r] + counts[r];
        }

        var next = start[..^1];
        var (holderColumn, holderCell, holderDistrict) = (new int[start[^1]], new int[start[^1]], new int[start[^1]]);
        for (var column = 0; column < districts.Length; column++)
        {
            var d = districts[column];
            for (var c = plan.CellStart[d]; c < plan.CellStart[d + 1]; c++)
            {
                var at = next[rowOf[plan.Key[c]]]++;
                (holderColumn[at], holderCell[at], holderDistrict[at]) = (column, c, d);
            }
        }

        var numbers = new Dictionary<int, double>();
        return [.. layout.Domains.Where(d => d.Rows.Count > 0).Select(d => (new DomainTable(d.Domain, []), (IReadOnlyList<SummaryRow>)[.. d.Rows.Select(r =>
        {
            var row = rowOfKey[r.Key];
            var stating = new Range(start[row], start[row + 1]);
            var spread = SpreadOf(cells, plan, holderColumn.AsSpan(stating), holderCell.AsSpan(stating), holderDistrict.AsSpan(stating), numbers, catalog.Find(r.Label));
            return new SummaryRow(new IndicatorRow(r.Label, r.InCatalog, []), start[row + 1] - start[row], spread, Provinces(holderColumn.AsSpan(stating), partOfColumn));
        })]))];
    }

    /// <summary>The spread of the first levels of a row's stating cells (given in column order, with their columns and districts).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Spread? SpreadOf(StateCells cells, PlanColumns plan, ReadOnlySpan<int> columns, ReadOnlySpan<int> stating, ReadOnlySpan<int> districts, Dictionary<int, double> numbers, IndicatorDefinition? definition)
    {
        var levels = new List<int>(stating.Length);
        for (var h = 0; h < stating.Length; h++)
        {
            if (plan.Text[stating[h]] != StateCells.None)
            {
                levels.Add(h);
            }
        }

        if (levels.Count == 0)
        {
            return null;
        }

        var units = new int[levels.Count];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = plan.Unit[stating[levels[i]]];
        }

        // Only the levels of the chosen unit are read as numbers, each value string parsed once.
        var unit = Spread.UnitOf(units);
        var (number, lower) = (new double[units.Length], new bool[units.Length]);
        for (var i = 0; i < units.Length; i++)
        {
            if (units[i] == unit.Unit)
            {
                var c = stating[levels[i]];
                if (!numbers.TryGetValue(plan.Value[c], out number[i]))
                {
                    numbers.Add(plan.Value[c], number[i] = Spread.Parse(cells.Strings[plan.Value[c]]));
                }

                lower[i] = cells.Strings[plan.Comparator[c]] is "<=" or "<";
            }
        }

        var s = Spread.Of(units, unit, number, lower, definition);
        var (strictest, loosest) = (levels[s.Strictest], levels[s.Loosest]);
        return new Spread(
            cells.Text(unit.Unit),
            s.Min,
            s.Median,
            s.Max,
            (columns[strictest], cells.Level(plan, stating[strictest], districts[strictest])),
            (columns[loosest], cells.Level(plan, stating[loosest], districts[loosest])));
    }

    // The parts of the first district of each province stating a row, in column order (DistinctBy by
    // province, but a run of one province's districts is passed without hashing each).
    private static List<TablePart> Provinces(ReadOnlySpan<int> stating, IReadOnlyList<TablePart> partOfColumn)
    {
        var provinces = new List<TablePart>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? last = null;
        foreach (var column in stating)
        {
            var part = partOfColumn[column];
            if (!ReferenceEquals(part.Province, last))
            {
                last = part.Province;
                if (seen.Add(part.Province))
                {
                    provinces.Add(part);
                }
            }
        }

        return provinces;
    }
}
