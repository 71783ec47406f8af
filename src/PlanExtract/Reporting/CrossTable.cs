using PlanExtract.Corpus;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>
/// One district's column: its name from metadata and the government whose plan of the same kind
/// its marks compare with. <paramref name="PassedOver"/> names a nearer government above whose
/// document holds no plan of this kind: 清远市 has only a women's plan, so 清城区's children's
/// targets are not marked against it (a children's target against a women's plan is not like with like).
/// </summary>
public sealed record DistrictColumn(string Name, CorpusDocument Document, string? Parent, CorpusDocument? ParentDocument = null, string? PassedOver = null);

/// <summary>How a target stands against the parent government's or a reference value.</summary>
public enum Strictness
{
    Stricter,
    Same,
    Looser,
}

/// <summary>
/// One value in a cell: the formatted target, where it is written, and its marks.
/// <paramref name="Targets"/> are the statements of it, the shown one first (a goal repeated in a key project is one value).
/// </summary>
public sealed record CellValue(string Text, string Source, string FilePath, int? Line, int? Page, Strictness? VsParent, Strictness? VsReference, IReadOnlyList<Target> Targets)
{
    public Target Target => Targets[0];

    public string Anchor => Line is { } line ? $"#L{line}" : Page is { } page ? $"#page={page}" : string.Empty;
}

/// <summary>An indicator row: the canonical name (or the written one when the catalog lacks it) and a cell per district.</summary>
public sealed record IndicatorRow(string Indicator, bool InCatalog, IReadOnlyList<IReadOnlyList<CellValue>> Cells);

/// <summary>One development domain's rows and, per district, how many target values it shows.</summary>
public sealed record DomainTable(string Domain, IReadOnlyList<IndicatorRow> Rows)
{
    public IReadOnlyList<int> Counts(int districts) =>
        [.. Enumerable.Range(0, districts).Select(c => Rows.Sum(r => r.Cells[c].Count))];
}

/// <summary>The cross-reference table of one plan type: indicators × districts, a section per domain.</summary>
public sealed record CrossTable(PlanKind Plan, IReadOnlyList<DistrictColumn> Districts, IReadOnlyList<DomainTable> Domains)
{
    public string Title => Plan == PlanKind.Women ? "妇女发展规划" : "儿童发展规划";

    /// <summary>The province or city a part of a country's table covers ("广东省", "广东省清远市"); null for the whole corpus.</summary>
    public string? Area { get; init; }

    /// <summary>
    /// The same table with only the districts <paramref name="keep"/> takes, and only the rows one
    /// of them states. The marks stay as the whole corpus gave them: a district's parent is still
    /// the one it was compared with, even when the parent's column is not kept.
    /// </summary>
    public CrossTable Only(Func<DistrictColumn, bool> keep) => Only([.. Enumerable.Range(0, Districts.Count).Where(c => keep(Districts[c]))]);

    /// <summary>The same table with only these columns, in this order (each at most once).</summary>
    public CrossTable Only(IReadOnlyList<int> kept)
    {
        if (kept.Count == Districts.Count && kept.Select((c, i) => c == i).All(same => same))
        {
            return this;
        }

        // A row listed under two domains shares its cells; its projection is shared too, so the
        // long layout still lists its targets once.
        var projected = new Dictionary<object, IReadOnlyList<IReadOnlyList<CellValue>>>(ReferenceEqualityComparer.Instance);
        IReadOnlyList<IReadOnlyList<CellValue>> Project(IReadOnlyList<IReadOnlyList<CellValue>> cells)
        {
            if (!projected.TryGetValue(cells, out var cut))
            {
                projected.Add(cells, cut = [.. kept.Select(c => cells[c])]);
            }

            return cut;
        }

        var domains = Domains
            .Select(d => new DomainTable(d.Domain, [.. d.Rows.Select(r => r with { Cells = Project(r.Cells) }).Where(r => r.Cells.Any(c => c.Count > 0))]))
            .Where(d => d.Rows.Count > 0)
            .ToList();
        return this with { Districts = [.. kept.Select(c => Districts[c])], Domains = domains };
    }

    public bool HasParents => Districts.Any(d => d.Parent is not null);
}
