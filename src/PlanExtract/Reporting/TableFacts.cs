using PlanExtract.Indicators;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>
/// One district's share of a table's row key: what the plan writes under it, in the order it first
/// writes each key. What a whole table's row order and row domains are folded from
/// (<see cref="RowLayout"/>), and what a kept table state holds of each district (without the targets).
/// </summary>
/// <param name="Label">The first target's canonical id, else its written name: the row's name when this district writes it first.</param>
/// <param name="FirstLevel">The cell's first value that is a level (the national summary's spread reads only it); null when none is.</param>
public sealed record KeyCell(string Key, string Label, bool InCatalog, List<(string Domain, int Count)> Domains, CellValue? FirstLevel)
{
    /// <summary>The targets under the key, in plan order; null when the cell was loaded from a table state.</summary>
    public List<Target>? Targets { get; init; }

    public string? IndicatorId => InCatalog ? Label : null;

    internal void Count(string? domain)
    {
        if (domain is null)
        {
            return;
        }

        for (var i = 0; i < Domains.Count; i++)
        {
            if (Domains[i].Domain == domain)
            {
                Domains[i] = (domain, Domains[i].Count + 1);
                return;
            }
        }

        Domains.Add((domain, 1));
    }
}

/// <summary>One district's rows of one plan type: its domain names in plan order and its cells by key.</summary>
public sealed record DistrictRows(IReadOnlyList<string> DomainNames, IReadOnlyList<KeyCell> Cells);

/// <summary>
/// The rows of a whole table and the domain each goes under, folded from every district's
/// <see cref="DistrictRows"/> in corpus order: a row comes where its key is first written, and
/// goes to the domain most of its targets are written in. Both depend on every district, which is
/// why a table state keeps every district's cells.
/// </summary>
public sealed class RowLayout
{
    // Where each key's rows are (domain, row), for cutting the layout to a part's keys without walking every row.
    private readonly Dictionary<string, List<(int Domain, int Row)>> _places = new(StringComparer.Ordinal);

    private RowLayout(IReadOnlyList<(string Domain, IReadOnlyList<LayoutRow> Rows)> domains)
    {
        Domains = domains;
        for (var d = 0; d < domains.Count; d++)
        {
            for (var r = 0; r < domains[d].Rows.Count; r++)
            {
                var key = domains[d].Rows[r].Key;
                if (!_places.TryGetValue(key, out var places))
                {
                    _places.Add(key, places = []);
                }

                places.Add((d, r));
            }
        }
    }

    /// <summary>The domains in the order the plans give them, then <see cref="CrossTableBuilder.OutsideDomains"/>; each with its rows (maybe none).</summary>
    public IReadOnlyList<(string Domain, IReadOnlyList<LayoutRow> Rows)> Domains { get; }

    public static RowLayout Of(IEnumerable<DistrictRows> districts, IndicatorCatalog catalog)
    {
        var domainOrder = new List<string>();
        var domainIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new Dictionary<string, LayoutRow>(StringComparer.Ordinal);
        var rowOrder = new List<LayoutRow>();
        foreach (var district in districts)
        {
            foreach (var name in district.DomainNames)
            {
                if (domainIndex.TryAdd(name, domainOrder.Count))
                {
                    domainOrder.Add(name);
                }
            }

            foreach (var cell in district.Cells)
            {
                if (!rows.TryGetValue(cell.Key, out var row))
                {
                    rows.Add(cell.Key, row = new LayoutRow(cell.Key, cell.Label, cell.InCatalog));
                    rowOrder.Add(row);
                }

                row.Add(cell);
            }
        }

        var rowsOfDomain = new Dictionary<string, List<LayoutRow>>(StringComparer.Ordinal);
        foreach (var row in rowOrder)
        {
            var domain = row.MostWritten(domainIndex)
                ?? (catalog.Find(row.IndicatorId) is { Domain: { } home } && domainIndex.ContainsKey(home) ? home : CrossTableBuilder.OutsideDomains);
            if (!rowsOfDomain.TryGetValue(domain, out var list))
            {
                rowsOfDomain.Add(domain, list = []);
            }

            list.Add(row);
        }

        return new RowLayout([.. domainOrder.Append(CrossTableBuilder.OutsideDomains).Select(d => (d, (IReadOnlyList<LayoutRow>)(rowsOfDomain.GetValueOrDefault(d) ?? [])))]);
    }

    /// <summary>
    /// The same fold over a kept state's columns (<see cref="StateCells"/>), by string ids and with
    /// no object per cell: what an update folds twice (the last build's layout and the new). Its
    /// rows hold no <see cref="LayoutRow.Holders"/>: an update's tables are not filtered.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static RowLayout Of(StateCells cells, int planIndex, IndicatorCatalog catalog)
    {
        var plan = cells.Plans[planIndex];
        var domainIndex = new int[cells.Strings.Count];
        var rowOf = new int[cells.Strings.Count];
        Array.Fill(domainIndex, -1);
        Array.Fill(rowOf, -1);
        var domainOrder = new List<string>();
        var rowOrder = new List<LayoutRow>();
        // Each row's domains and their counts, in the order first written (MostWritten's ties).
        var rowDomains = new List<List<(int Domain, int Count)>>();
        for (var d = 0; d < cells.Count; d++)
        {
            if (!plan.Has[d])
            {
                continue;
            }

            for (var i = plan.NameStart[d]; i < plan.NameStart[d + 1]; i++)
            {
                if (domainIndex[plan.Names[i]] < 0)
                {
                    domainIndex[plan.Names[i]] = domainOrder.Count;
                    domainOrder.Add(cells.Strings[plan.Names[i]]);
                }
            }

            var at = plan.DomainStart[d];
            for (var c = plan.CellStart[d]; c < plan.CellStart[d + 1]; c++)
            {
                var row = rowOf[plan.Key[c]];
                if (row < 0)
                {
                    row = rowOf[plan.Key[c]] = rowOrder.Count;
                    rowOrder.Add(new LayoutRow(cells.Strings[plan.Key[c]], cells.Strings[plan.Label[c]], plan.InCatalog[c]));
                    rowDomains.Add([]);
                }

                var domains = rowDomains[row];
                for (var n = plan.DomainCount[c]; n > 0; n--, at++)
                {
                    LayoutRow.AddCount(domains, plan.Domain[at], plan.DomainN[at]);
                }
            }
        }

        var names = domainOrder.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var rowsOfDomain = new Dictionary<string, List<LayoutRow>>(StringComparer.Ordinal);
        for (var r = 0; r < rowOrder.Count; r++)
        {
            var row = rowOrder[r];
            // As MostWritten: the most written; on a tie the one the plans give first (a domain outside the list before all), then the one seen first.
            int best = StateCells.None, bestCount = 0, bestIndex = 0;
            foreach (var (domain, count) in rowDomains[r])
            {
                var index = domainIndex[domain];
                if (best == StateCells.None || count > bestCount || (count == bestCount && index < bestIndex))
                {
                    (best, bestCount, bestIndex) = (domain, count, index);
                }
            }

            var home = best != StateCells.None
                ? cells.Strings[best]
                : catalog.Find(row.IndicatorId) is { Domain: { } found } && names.ContainsKey(found) ? found : CrossTableBuilder.OutsideDomains;
            if (!rowsOfDomain.TryGetValue(home, out var list))
            {
                rowsOfDomain.Add(home, list = []);
            }

            list.Add(row);
        }

        return new RowLayout([.. domainOrder.Append(CrossTableBuilder.OutsideDomains).Select(d => (d, (IReadOnlyList<LayoutRow>)(rowsOfDomain.GetValueOrDefault(d) ?? [])))]);
    }

    /// <summary>Whether both lay the same rows under the same domains in the same order.</summary>
    public bool SameAs(RowLayout other) =>
        Domains.Count == other.Domains.Count
        && Domains.Zip(other.Domains).All(p => p.First.Domain == p.Second.Domain && p.First.Rows.Count == p.Second.Rows.Count
            && p.First.Rows.Zip(p.Second.Rows).All(r => r.First.Key == r.Second.Key && r.First.Label == r.Second.Label && r.First.InCatalog == r.Second.InCatalog));

    /// <summary>
    /// What a part's table shows of the layout: the domains and rows (name, catalog mark) of the keys
    /// <paramref name="keys"/> holds, in layout order, as one string to compare.
    /// </summary>
    public string Restricted(IReadOnlySet<string> keys)
    {
        // The part's keys looked up and sorted, not every row of the layout walked: a country's
        // layout has thousands of rows, a part a few dozen, and there are thousands of parts.
        var places = keys.SelectMany(k => _places.GetValueOrDefault(k) ?? []).Order().ToList();
        var text = new System.Text.StringBuilder();
        var domain = -1;
        foreach (var (d, r) in places)
        {
            if (d != domain)
            {
                text.Append('\u0001').Append(Domains[d].Domain);
                domain = d;
            }

            var row = Domains[d].Rows[r];
            text.Append('\u0002').Append(row.Key).Append('\u0003').Append(row.Label).Append(row.InCatalog ? '1' : '0');
        }

        return text.ToString();
    }
}

/// <summary>One row of a <see cref="RowLayout"/>: its key and name, and the districts' cells under it, in corpus order.</summary>
public sealed class LayoutRow(string key, string label, bool inCatalog)
{
    private readonly List<(string Domain, int Count)> _domains = [];

    public string Key { get; } = key;

    public string Label { get; } = label;

    public bool InCatalog { get; } = inCatalog;

    public string? IndicatorId => InCatalog ? Label : null;

    public List<KeyCell> Holders { get; } = [];

    internal void Add(KeyCell cell)
    {
        Holders.Add(cell);
        foreach (var (domain, count) in cell.Domains)
        {
            AddCount(_domains, domain, count);
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> to <paramref name="domain"/>'s count, appending it when new, so
    /// the list keeps the order domains were first written in (MostWritten's ties). A loop, not
    /// FindIndex: a country's fold adds every district's cells, and the closure per domain was most of it.
    /// </summary>
    internal static void AddCount<T>(List<(T Domain, int Count)> counts, T domain, int count)
    {
        var i = 0;
        while (i < counts.Count && !EqualityComparer<T>.Default.Equals(counts[i].Domain, domain))
        {
            i++;
        }

        if (i == counts.Count)
        {
            counts.Add((domain, count));
        }
        else
        {
            counts[i] = (domain, counts[i].Count + count);
        }
    }

    /// <summary>
    /// The domain most of the targets are written in; on a tie the one the plans give first (a
    /// domain outside the plans' list before all), then the one seen first.
    /// </summary>
    internal string? MostWritten(Dictionary<string, int> domainIndex)
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
