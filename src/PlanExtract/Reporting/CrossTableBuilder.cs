using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Reporting;

/// <summary>
/// Which rows a table keeps: a domain and an indicator, each matched as a part of the name; and
/// which districts: a province and a city, each matched whole (against the corpus folder or meta.json).
/// </summary>
public sealed record TableFilter(string? Domain = null, string? Indicator = null, string? Province = null, string? City = null)
{
    public static TableFilter None { get; } = new();

    public bool KeepsDomain(string domain) => Domain is null || Contains(domain, Domain);

    public bool KeepsIndicator(string label) => Indicator is null || Contains(label, Indicator);

    public bool FiltersDistricts => Province is not null || City is not null;

    /// <summary>
    /// "广东省" keeps every district in corpus/广东省/ (or whose meta.json says 广东省); a part of a
    /// name does not ("广东" is no province, and "江" would take half the country).
    /// </summary>
    public bool KeepsDistrict(DistrictColumn district)
    {
        var region = Region.Of(district.Document);
        var metadata = district.Document.Metadata;
        return (Province is null || Same(region.Province, Province) || Same(metadata.Province, Province))
            && (City is null || Same(region.City, City) || Same(metadata.City, City));
    }

    private static bool Same(string? name, string wanted) =>
        name is not null && string.Equals(CharFold.Fold(name).Trim(), CharFold.Fold(wanted).Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string text, string part) =>
        CharFold.Fold(text).Contains(CharFold.Fold(part).Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Lays the corpus targets out as indicators × districts. A target counts wherever the plan states
/// it (goal, indicator list, measure, key project); a key project's target, outside the domains,
/// goes to the domain where that indicator is written elsewhere in the plans, else the catalog's.
/// </summary>
public static class CrossTableBuilder
{
    /// <summary>Section for indicators no domain claims (a key project's own targets).</summary>
    public const string OutsideDomains = "重点工程/项目（未归入领域的指标）";

    public static CrossTable Build(IReadOnlyList<DocumentResult> results, PlanKind plan, IndicatorCatalog catalog, TableFilter? filter = null)
    {
        var read = results.Where(r => r.Plans is not null).ToList();
        var withPlan = read.Where(r => r.Plans!.Plans.Any(p => p.Kind == plan)).ToList();
        var (columns, parents) = Columns(withPlan, read);
        // Each target's key is computed once and each column's targets are grouped by it; cells are
        // then filled column by column from those groups, so the work follows the targets rather
        // than rows × columns × targets.
        var rows = withPlan.Select(r => Rows(r, plan, catalog, levels: false)).ToList();
        return Fill(plan, columns, rows, c => parents[c], RowLayout.Of(rows, catalog), catalog, filter ?? TableFilter.None, dropEmpty: false);
    }

    /// <summary>
    /// One district's cells by row key, in the order its plan first writes each key, with the
    /// domains its targets are written in and the first level of each cell (no marks: those need the parent).
    /// </summary>
    /// <param name="levels">Find each cell's first level (a table state keeps it for the summary; a table alone does not need it).</param>
    public static DistrictRows Rows(DocumentResult result, PlanKind plan, IndicatorCatalog catalog, bool levels = true)
    {
        var cells = new List<KeyCell>();
        var byKey = new Dictionary<string, KeyCell>(StringComparer.Ordinal);
        var plans = result.Plans?.Plans.Where(p => p.Kind == plan).ToList() ?? [];
        foreach (var t in plans.SelectMany(p => p.AllItems()).SelectMany(i => i.Targets))
        {
            var key = Key(t);
            if (!byKey.TryGetValue(key, out var cell))
            {
                byKey.Add(key, cell = new KeyCell(key, t.IndicatorId ?? t.Indicator, t.IndicatorId is not null, [], null) { Targets = [] });
                cells.Add(cell);
            }

            cell.Targets!.Add(t);
            cell.Count(t.Domain);
        }

        if (!levels)
        {
            return new DistrictRows([.. plans.SelectMany(p => p.Domains).Select(d => d.Name).Distinct(StringComparer.Ordinal)], cells);
        }

        var withLevels = cells.Select(c => c with
        {
            FirstLevel = Cell(c.Targets!, result.Document, null, catalog.Find(c.IndicatorId)).FirstOrDefault(v => Spread.IsLevel(v.Target)),
        }).ToList();
        return new DistrictRows([.. plans.SelectMany(p => p.Domains).Select(d => d.Name).Distinct(StringComparer.Ordinal)], withLevels);
    }

    /// <summary>
    /// The table of <paramref name="columns"/> laid out by <paramref name="layout"/> (made from every
    /// district of the corpus): a part of a country's table is made from its own districts' cells
    /// and is the same as the whole table cut to its columns when <paramref name="dropEmpty"/> drops
    /// the rows and domains none of them states.
    /// </summary>
    /// <param name="rows">Each column's cells, with their targets.</param>
    /// <param name="parentOf">Each column's government above with a plan of this kind, whose targets the marks compare with.</param>
    internal static CrossTable Fill(PlanKind plan, IReadOnlyList<DistrictColumn> columns, IReadOnlyList<DistrictRows> rows, Func<int, DocumentResult?> parentOf, RowLayout layout, IndicatorCatalog catalog, TableFilter filter, bool dropEmpty)
    {
        var cellsOf = new Dictionary<string, (IReadOnlyList<CellValue>[] Cells, IndicatorDefinition? Definition)>(StringComparer.Ordinal);
        var kept = new List<(string Domain, List<(LayoutRow Row, IReadOnlyList<CellValue>[] Cells)> Rows)>();
        foreach (var (domain, layoutRows) in layout.Domains.Where(d => filter.KeepsDomain(d.Domain)))
        {
            var domainRows = new List<(LayoutRow, IReadOnlyList<CellValue>[])>();
            foreach (var row in layoutRows)
            {
                if (!filter.KeepsIndicator(row.Label) && !row.Holders.Any(h => h.Targets?.Any(t => filter.KeepsIndicator(t.Indicator)) == true))
                {
                    continue;
                }

                // A domain listed twice (a plan's own domain named like OutsideDomains) shows the
                // same row twice, as it always did; both share one set of cells.
                if (!cellsOf.TryGetValue(row.Key, out var cells))
                {
                    cells = (new IReadOnlyList<CellValue>[columns.Count], catalog.Find(row.IndicatorId));
                    Array.Fill(cells.Cells, Array.Empty<CellValue>());
                    cellsOf.Add(row.Key, cells);
                }

                domainRows.Add((row, cells.Cells));
            }

            kept.Add((domain, domainRows));
        }

        var parentTargets = new Dictionary<DocumentResult, Dictionary<(string Id, string? Population), List<Target>>>(ReferenceEqualityComparer.Instance);
        for (var c = 0; c < columns.Count; c++)
        {
            var parent = parentOf(c) is { } p ? ParentTargets(p, plan, parentTargets) : null;
            foreach (var cell in rows[c].Cells)
            {
                if (cellsOf.TryGetValue(cell.Key, out var cells))
                {
                    cells.Cells[c] = Cell(cell.Targets!, columns[c].Document, parent, cells.Definition);
                }
            }
        }

        var domains = new List<DomainTable>();
        foreach (var (domain, domainRows) in kept)
        {
            var tableRows = domainRows.Where(r => !dropEmpty || r.Cells.Any(c => c.Count > 0))
                .Select(r => new IndicatorRow(r.Row.Label, r.Row.InCatalog, r.Cells)).ToList();
            if (tableRows.Count > 0)
            {
                domains.Add(new DomainTable(domain, tableRows));
            }
        }

        return new CrossTable(plan, columns, domains);
    }

    /// <summary>
    /// The table <see cref="Build"/> makes with <paramref name="filter"/>'s domain and indicator,
    /// picked out of <paramref name="whole"/> (built without a filter) rather than built again: a
    /// row's domain and cells do not depend on the filter, only which rows are kept. The rows are
    /// <paramref name="whole"/>'s own objects, so what was made per row (the national summary's
    /// spread) can be looked up rather than made again. Districts are never filtered here, as in Build.
    /// </summary>
    public static CrossTable Filter(CrossTable whole, TableFilter filter)
    {
        if (filter.Domain is null && filter.Indicator is null)
        {
            return whole;
        }

        var domains = new List<DomainTable>();
        foreach (var domain in whole.Domains.Where(d => filter.KeepsDomain(d.Domain)))
        {
            var rows = filter.Indicator is null ? domain.Rows : [.. domain.Rows.Where(r => Keeps(filter, r))];
            if (rows.Count > 0)
            {
                domains.Add(rows.Count == domain.Rows.Count ? domain : new DomainTable(domain.Domain, rows));
            }
        }

        return whole with { Domains = domains };
    }

    /// <summary>As <see cref="Build"/> keeps a row: by its label, or by any indicator name its targets are written with.</summary>
    private static bool Keeps(TableFilter filter, IndicatorRow row) =>
        filter.KeepsIndicator(row.Indicator)
        || row.Cells.SelectMany(c => c).SelectMany(v => v.Targets).Select(t => t.Indicator).Distinct(StringComparer.Ordinal).Any(filter.KeepsIndicator);

    /// <summary>The districts with a plan of this kind, in corpus order, each with the government above it.</summary>
    public static IReadOnlyList<DistrictColumn> Columns(IReadOnlyList<DocumentResult> results, PlanKind plan)
    {
        var read = results.Where(r => r.Plans is not null).ToList();
        return Columns([.. read.Where(r => r.Plans!.Plans.Any(p => p.Kind == plan))], read).Columns;
    }

    /// <summary>The same columns from the documents alone: which have a plan of this kind, which were read.</summary>
    internal static IReadOnlyList<DistrictColumn> Columns(IReadOnlyList<CorpusDocument> withPlan, IReadOnlyList<CorpusDocument> read)
    {
        // One stand-in per document: a government passed over is told from the one compared with by reference.
        var stands = new Dictionary<CorpusDocument, DocumentResult>(ReferenceEqualityComparer.Instance);
        foreach (var document in read)
        {
            stands[document] = new DocumentResult(document, null, null);
        }

        return Columns([.. withPlan.Select(d => stands[d])], [.. read.Select(d => stands[d])]).Columns;
    }

    /// <summary>
    /// Each district compared with the nearest government above that has a plan of the same kind;
    /// a nearer one without it is named, so the legend can say why it is not the one compared.
    /// </summary>
    private static (List<DistrictColumn> Columns, List<DocumentResult?> Parents) Columns(List<DocumentResult> withPlan, List<DocumentResult> read)
    {
        var sameKind = GovernmentParents.Of(withPlan, withPlan);
        var nearest = GovernmentParents.Of(withPlan, read);
        var columns = withPlan.Select((r, c) => new DistrictColumn(
            Name(r),
            r.Document,
            sameKind[c] is { } p ? Name(p) : null,
            sameKind[c]?.Document,
            nearest[c] is { } n && !ReferenceEquals(n, sameKind[c]) ? Name(n) : null)).ToList();
        return (columns, sameKind);
    }

    /// <summary>Rows join on the canonical id; an unmatched indicator keeps its own written name.</summary>
    private static string Key(Target t) => t.IndicatorId is { } id ? "id:" + id : "written:" + CharFold.Fold(t.Indicator);

    /// <summary>
    /// The parent's targets that have an id, by id and population: what a child's value is compared
    /// with. Built once per parent, which many districts share.
    /// </summary>
    private static Dictionary<(string Id, string? Population), List<Target>> ParentTargets(
        DocumentResult parent, PlanKind plan, Dictionary<DocumentResult, Dictionary<(string Id, string? Population), List<Target>>> cache)
    {
        if (!cache.TryGetValue(parent, out var lookup))
        {
            lookup = [];
            // Only the parent's plan of the table's kind: its women's plan says nothing about children.
            foreach (var t in parent.Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.AllItems()).SelectMany(i => i.Targets))
            {
                if (t.IndicatorId is { } id)
                {
                    if (!lookup.TryGetValue((id, t.Population), out var list))
                    {
                        lookup.Add((id, t.Population), list = []);
                    }

                    list.Add(t);
                }
            }

            cache.Add(parent, lookup);
        }

        return lookup;
    }

    private static List<CellValue> Cell(List<Target> targets, CorpusDocument document, Dictionary<(string Id, string? Population), List<Target>>? parent, IndicatorDefinition? definition)
    {
        var values = new List<CellValue>();
        foreach (var t in targets)
        {
            var text = TargetCell.Format(t) + (t.Population is { Length: > 0 } p ? $"（{p}）" : string.Empty);
            // The same value stated again (a goal repeated in a key project) is one value; a different one is shown too.
            if (values.FindIndex(v => v.Text == text) is var seen and >= 0)
            {
                values[seen] = values[seen] with { Targets = [.. values[seen].Targets, t] };
                continue;
            }

            // The parent's targets are only those with an id, so a target without one has no mark.
            var vsParent = parent is null ? null
                : t.IndicatorId is { } id && parent.TryGetValue((id, t.Population), out var same)
                    ? same.Select(o => StrictnessRule.Compare(t, o, definition)).FirstOrDefault(s => s is not null)
                    : null;
            var vsReference = definition?.References.Select(r => StrictnessRule.Compare(t, r, definition)).FirstOrDefault(s => s is not null);
            values.Add(new CellValue(text, t.Source, document.FilePath, t.Line, t.Page, vsParent, vsReference, [t]));
        }

        return values;
    }

    private static string Name(DocumentResult r) => r.Document.Metadata.DisplayName;
}
