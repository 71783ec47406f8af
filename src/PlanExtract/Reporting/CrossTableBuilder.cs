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
        filter ??= TableFilter.None;
        var read = results.Where(r => r.Plans is not null).ToList();
        var withPlan = read.Where(r => r.Plans!.Plans.Any(p => p.Kind == plan)).ToList();
        var (columns, parents) = Columns(withPlan, read);

        // Each target's key is computed once and each column's targets are grouped by it; cells are
        // then filled column by column from those groups, so the work follows the targets rather
        // than rows × columns × targets.
        var byKey = new List<List<(KeyGroup Group, List<Target> Targets)>>(withPlan.Count);
        var groups = new Dictionary<string, KeyGroup>(StringComparer.Ordinal);
        var rowOrder = new List<KeyGroup>();
        var column = new Dictionary<string, List<Target>>(StringComparer.Ordinal);
        foreach (var r in withPlan)
        {
            column.Clear();
            var cellsOfColumn = new List<(KeyGroup Group, List<Target> Targets)>();
            foreach (var t in r.Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.AllItems()).SelectMany(i => i.Targets))
            {
                var key = Key(t);
                if (!groups.TryGetValue(key, out var group))
                {
                    groups.Add(key, group = new KeyGroup());
                    rowOrder.Add(group);
                }

                group.Add(t);
                if (!column.TryGetValue(key, out var cell))
                {
                    column.Add(key, cell = []);
                    cellsOfColumn.Add((group, cell));
                }

                cell.Add(t);
            }

            byKey.Add(cellsOfColumn);
        }

        // Domains in the order the plans give them; a row's domain is where its indicator is most often written.
        var domainOrder = withPlan.SelectMany(r => r.Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.Domains).Select(d => d.Name))
            .Distinct(StringComparer.Ordinal).ToList();
        var domainIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < domainOrder.Count; i++)
        {
            domainIndex.TryAdd(domainOrder[i], i);
        }

        var rowsOfDomain = new Dictionary<string, List<KeyGroup>>(StringComparer.Ordinal);
        foreach (var group in rowOrder)
        {
            var domain = group.MostWritten(domainIndex)
                ?? (catalog.Find(group.Targets[0].IndicatorId) is { Domain: { } home } && domainIndex.ContainsKey(home) ? home : OutsideDomains);
            if (!rowsOfDomain.TryGetValue(domain, out var keys))
            {
                rowsOfDomain.Add(domain, keys = []);
            }

            keys.Add(group);
        }

        var domains = new List<DomainTable>();
        foreach (var domain in domainOrder.Append(OutsideDomains).Where(filter.KeepsDomain))
        {
            var rows = new List<IndicatorRow>();
            foreach (var group in rowsOfDomain.GetValueOrDefault(domain) ?? [])
            {
                var sample = group.Targets[0];
                var label = sample.IndicatorId ?? sample.Indicator;
                if (!filter.KeepsIndicator(label) && !group.Targets.Any(t => filter.KeepsIndicator(t.Indicator)))
                {
                    continue;
                }

                // A domain listed twice (a plan's own domain named like OutsideDomains) shows the
                // same row twice, as it always did; both share one set of cells.
                if (group.Cells is null)
                {
                    group.Definition = catalog.Find(sample.IndicatorId);
                    group.Cells = new IReadOnlyList<CellValue>[columns.Count];
                    Array.Fill(group.Cells, Array.Empty<CellValue>());
                }

                rows.Add(new IndicatorRow(label, sample.IndicatorId is not null, group.Cells));
            }

            if (rows.Count > 0)
            {
                domains.Add(new DomainTable(domain, rows));
            }
        }

        var parentTargets = new Dictionary<DocumentResult, Dictionary<(string Id, string? Population), List<Target>>>(ReferenceEqualityComparer.Instance);
        for (var c = 0; c < columns.Count; c++)
        {
            var parent = parents[c] is { } p ? ParentTargets(p, plan, parentTargets) : null;
            foreach (var (group, targets) in byKey[c])
            {
                if (group.Cells is { } cells)
                {
                    cells[c] = Cell(targets, columns[c].Document, parent, group.Definition);
                }
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

    /// <summary>The targets of one row key across the corpus, in corpus order, and the row's cells once it is kept.</summary>
    private sealed class KeyGroup
    {
        private readonly List<(string Domain, int Count)> _domains = [];

        public List<Target> Targets { get; } = [];

        public IReadOnlyList<CellValue>[]? Cells { get; set; }

        public IndicatorDefinition? Definition { get; set; }

        public void Add(Target t)
        {
            Targets.Add(t);
            if (t.Domain is { } domain)
            {
                for (var i = 0; i < _domains.Count; i++)
                {
                    if (_domains[i].Domain == domain)
                    {
                        _domains[i] = (domain, _domains[i].Count + 1);
                        return;
                    }
                }

                _domains.Add((domain, 1));
            }
        }

        /// <summary>
        /// The domain most of the targets are written in; on a tie the one the plans give first (a
        /// domain outside the plans' list before all), then the one seen first.
        /// </summary>
        public string? MostWritten(Dictionary<string, int> domainIndex)
        {
            string? best = null;
            int bestCount = 0, bestIndex = 0;
            foreach (var (domain, count) in _domains)
            {
                var index = domainIndex.GetValueOrDefault(domain, -1);
                if (best is null || count > bestCount || (count == bestCount && index < bestIndex))
                {
                    (best, bestCount, bestIndex) = (domain, count, index);
                }
            }

            return best;
        }
    }
}
