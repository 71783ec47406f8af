using System.Globalization;
using System.Text;
using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>Where a district lies: its province and city as the corpus folders name them.</summary>
public sealed record Region(string Province, string? City)
{
    /// <summary>For a document straight under corpus/, which names no province.</summary>
    public const string NoProvince = "未注明省份";

    /// <summary>
    /// "corpus/广东省/清远市/清城区/plans.txt" lies in 广东省 and 清远市; "corpus/广东省/清远市/plans.txt"
    /// (the city's own plan) too; "corpus/广东省/plans.txt" in 广东省 and no city. The folders, not
    /// meta.json, because they are names a folder under output/tables/ can have.
    /// </summary>
    public static Region Of(CorpusDocument document) => Of(document.Source);

    /// <summary>The region of a document by its source alone ("corpus/广东省/清远市/清城区/plans.txt").</summary>
    public static Region Of(string source)
    {
        var folders = source.Split('/')[1..^1];
        return new Region(folders.Length > 0 ? folders[0] : NoProvince, folders.Length > 1 ? folders[1] : null);
    }

    /// <summary>"广东省" or "广东省清远市", for a table's title.</summary>
    public string Name => Province + City;
}

/// <summary>
/// One part of a country's tables: a province, or a city of a province too large for one table
/// (<paramref name="Split"/>), and the folder under tables/ it goes to ("广东省", "广东省/清远市").
/// </summary>
public sealed record TablePart(string Province, string? City, bool Split)
{
    public string Area => Province + City;

    public string Folder => City is null ? Province : Province + "/" + City;
}

/// <summary>
/// One indicator of the national summary: how many districts state it, the spread of their levels
/// (null when none is a number), and the provinces whose tables show it (one part per province:
/// a split province's first city, <see cref="TablePart.Split"/> set).
/// </summary>
public sealed record SummaryRow(IndicatorRow Row, int Districts, Spread? Spread, IReadOnlyList<TablePart> Provinces);

/// <summary>
/// The parts a country's tables are cut into and which part each district goes to: what build
/// writes under tables/ and what the web view shows, decided in one place.
/// </summary>
public sealed class CountryLayout
{
    private readonly IReadOnlyDictionary<string, int> _partOf;

    private CountryLayout(IReadOnlyList<TablePart> parts, IReadOnlyDictionary<string, int> partOf)
    {
        Parts = parts;
        _partOf = partOf;
    }

    /// <summary>The parts in corpus order.</summary>
    public IReadOnlyList<TablePart> Parts { get; }

    /// <summary>
    /// The layout of these tables (a plan type each, unfiltered); null when every table fits
    /// <paramref name="maxColumns"/> districts and is shown whole, as it always was.
    /// </summary>
    public static CountryLayout? Of(IReadOnlyList<CrossTable> tables, int maxColumns = CountryTables.MaxDistrictColumns)
    {
        if (!tables.Any(t => t.Districts.Count > maxColumns))
        {
            return null;
        }

        return Of(tables.Select(t => t.Districts.Select(d => d.Document.Source)).ToList(), maxColumns);
    }

    /// <summary>The layout of tables whose districts are these sources (a list per plan type, in table order); null when each list fits.</summary>
    public static CountryLayout? Of(IReadOnlyList<IEnumerable<string>> sources, int maxColumns)
    {
        var lists = sources.Select(s => s.ToList()).ToList();
        if (!lists.Any(l => l.Count > maxColumns))
        {
            return null;
        }

        var (parts, partOf) = CountryTables.Parts(lists.SelectMany(l => l).Distinct(StringComparer.Ordinal), maxColumns);
        return new CountryLayout(parts, partOf);
    }

    /// <summary>The part a document's column goes to, or -1 for one no table has.</summary>
    public int PartOf(string source) => _partOf.TryGetValue(source, out var part) ? part : -1;

    /// <summary>The part named by its folder ("广东省", "广东省/清远市"), or -1.</summary>
    public int Find(string folder)
    {
        for (var p = 0; p < Parts.Count; p++)
        {
            if (Parts[p].Folder == folder)
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>The columns of <paramref name="table"/> that lie in a part, in table order.</summary>
    public IReadOnlyList<int> Columns(CrossTable table, int part) =>
        [.. Enumerable.Range(0, table.Districts.Count).Where(c => PartOf(table.Districts[c].Document.Source) == part)];

    /// <summary>Every part's columns at once (one pass, for build's thousands of parts).</summary>
    public IReadOnlyList<IReadOnlyList<int>> ColumnsByPart(CrossTable table)
    {
        var columns = Parts.Select(_ => new List<int>()).ToList();
        for (var c = 0; c < table.Districts.Count; c++)
        {
            columns[PartOf(table.Districts[c].Document.Source)].Add(c);
        }

        return columns;
    }

    /// <summary>Every part's documents at once, in corpus order.</summary>
    public IReadOnlyList<IReadOnlyList<DocumentResult>> ResultsByPart(IReadOnlyList<DocumentResult> results)
    {
        var byPart = Parts.Select(_ => new List<DocumentResult>()).ToList();
        foreach (var r in results)
        {
            if (PartOf(r.Document.Source) is var p and >= 0)
            {
                byPart[p].Add(r);
            }
        }

        return byPart;
    }

    /// <summary>A part's table cut from the whole one, so its marks still compare with governments in other parts.</summary>
    public CrossTable Part(CrossTable table, int part) => table.Only(Columns(table, part)) with { Area = Parts[part].Area };

    /// <summary>Each column's part, for the summary's province links.</summary>
    public IReadOnlyList<TablePart> PartOfColumns(CrossTable table) => [.. table.Districts.Select(d => Parts[PartOf(d.Document.Source)])];

    /// <summary>The documents of a part, in corpus order: what its measures table aligns.</summary>
    public IReadOnlyList<DocumentResult> Results(IReadOnlyList<DocumentResult> results, int part) =>
        [.. results.Where(r => PartOf(r.Document.Source) == part)];
}

/// <summary>
/// How the wide tables are laid out once the corpus is a country: a table per province, or per
/// city where a province alone has more districts than one table can show, and a national summary
/// with a row per indicator.
/// </summary>
public static class CountryTables
{
    /// <summary>
    /// The most district columns one wide table has. Thirty columns of "≥95%" links is about what a
    /// reader can scan on a wide screen or one landscape page; at 3,200 columns nobody can. At or
    /// under it build writes the tables as it always did (tables/women.md …).
    /// </summary>
    public const int MaxDistrictColumns = 30;

    public const string SummaryPrefix = "summary-";

    /// <summary>
    /// The part each district goes to, by its source: a province per part, a province with more
    /// than <paramref name="maxColumns"/> districts a part per city (its plans outside any city,
    /// the province's own, in the province's folder). Parts in corpus order.
    /// </summary>
    public static (IReadOnlyList<TablePart> Parts, IReadOnlyDictionary<string, int> PartOf) Parts(IEnumerable<DistrictColumn> districts, int maxColumns = MaxDistrictColumns) =>
        Parts(districts.Select(d => d.Document.Source), maxColumns);

    /// <summary>The same by the districts' sources, each once.</summary>
    public static (IReadOnlyList<TablePart> Parts, IReadOnlyDictionary<string, int> PartOf) Parts(IEnumerable<string> sources, int maxColumns = MaxDistrictColumns)
    {
        var parts = new List<TablePart>();
        var partOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var province in sources.Select(s => (Source: s, Region: Region.Of(s))).GroupBy(d => d.Region.Province, StringComparer.Ordinal))
        {
            var split = province.Count() > maxColumns;
            foreach (var city in province.GroupBy(d => split ? d.Region.City : null, StringComparer.Ordinal))
            {
                parts.Add(new TablePart(province.Key, city.Key, split));
                foreach (var (source, _) in city)
                {
                    partOf[source] = parts.Count - 1;
                }
            }
        }

        return (parts, partOf);
    }

    /// <summary>
    /// The national summary of one plan type as Markdown: per indicator how many districts state it,
    /// the spread of the levels they set, who sets the strictest and the loosest (linked to the
    /// line), and the province tables that show it.
    /// </summary>
    /// <param name="partOfColumn">Each district column's part.</param>
    /// <param name="maxColumns">The threshold the tables were split at, for the legend.</param>
    public static string Summary(CrossTable table, IReadOnlyList<TablePart> partOfColumn, IndicatorCatalog catalog, string linkFolder, int maxColumns = MaxDistrictColumns) =>
        Summary(table, SummaryRows(table, partOfColumn, catalog), linkFolder, maxColumns);

    /// <summary>The national summary as Markdown from rows already made (<see cref="SummaryRows"/>): the web view keeps them.</summary>
    public static string Summary(CrossTable table, IEnumerable<(DomainTable Domain, IReadOnlyList<SummaryRow> Rows)> summaryRows, string linkFolder, int maxColumns = MaxDistrictColumns)
    {
        var links = new SourceLinks(linkFolder);
        var file = table.Plan.ToContractName() + ".md";
        var text = new StringBuilder();
        text.Append("# ").Append(table.Title).Append("：全国汇总（每个指标一行）\n\n");
        text.Append(TableHeader.Build).Append("\n\n");
        text.Append("- 地区超过 ").Append(maxColumns.ToString(CultureInfo.InvariantCulture))
            .Append(" 个时，指标 × 地区的宽表按省分文件（省名/").Append(file).Append("），一省超过此数再按市分（省名/市名/").Append(file)
            .Append("）；本表每个指标一行，“分省表”链接到写了该指标的省的表（按市分的省链接到省的文件夹）。\n");
        text.Append("- 地区数：写了该指标的地区个数。最小值、中位数、最大值：各地区写的第一个数值水平（≥ ≤ = ≈ 等，不含 ↑↓ 与相对变化），只取“单位”一列的单位。\n");
        text.Append("- 最严、最宽：按指标目录所注的方向（越高越好或越低越好），目录未注时按比较符（多数为 ≤ < 的为越低越好）；同值时取语料中在先的地区，链接到原文所在行。\n\n");
        foreach (var (domain, rows) in summaryRows)
        {
            text.Append("## ").Append(domain.Domain).Append("\n\n");
            text.Append("| 指标 | 地区数 | 单位 | 最小值 | 中位数 | 最大值 | 最严 | 最宽 | 分省表 |\n");
            text.Append("| --- | ---: | --- | ---: | ---: | ---: | --- | --- | --- |\n");
            foreach (var row in rows)
            {
                var spread = row.Spread;
                text.Append("| ").Append(MarkdownCrossTable.Escape(row.Row.Indicator)).Append(row.Row.InCatalog ? string.Empty : " " + Marks.NotInCatalog)
                    .Append(" | ").Append(row.Districts.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(MarkdownCrossTable.Escape(spread?.Unit ?? string.Empty))
                    .Append(" | ").Append(spread is null ? string.Empty : Number(spread.Min))
                    .Append(" | ").Append(spread is null ? string.Empty : Number(spread.Median))
                    .Append(" | ").Append(spread is null ? string.Empty : Number(spread.Max))
                    .Append(" | ").Append(spread is null ? string.Empty : Link(table, spread.Strictest, links))
                    .Append(" | ").Append(spread is null ? string.Empty : Link(table, spread.Loosest, links))
                    .Append(" | ");
                var provinces = row.Provinces.Select(p => $"[{MarkdownCrossTable.Escape(p.Province)}]({SourceLink.Escape(p.Province)}/{(p.Split ? string.Empty : file)})");
                text.AppendJoin("、", provinces).Append(" |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// What the summary shows, per domain and indicator: the Markdown summary and the web view's
    /// summary page are both written from these rows.
    /// </summary>
    /// <param name="partOfColumn">Each district column's part.</param>
    public static IEnumerable<(DomainTable Domain, IReadOnlyList<SummaryRow> Rows)> SummaryRows(CrossTable table, IReadOnlyList<TablePart> partOfColumn, IndicatorCatalog catalog)
    {
        foreach (var domain in table.Domains)
        {
            yield return (domain, [.. domain.Rows.Select(row => new SummaryRow(
                row,
                row.Cells.Count(c => c.Count > 0),
                Spread.Of(row, catalog.Find(row.Indicator)),
                [.. Enumerable.Range(0, row.Cells.Count).Where(c => row.Cells[c].Count > 0).Select(c => partOfColumn[c]).DistinctBy(p => p.Province)]))]);
        }
    }

    /// <summary>A number of the summary as the tables write it: up to four decimals, no trailing zeros.</summary>
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Link(CrossTable table, (int Column, CellValue Value) at, SourceLinks links) =>
        $"[{MarkdownCrossTable.Escape(table.Districts[at.Column].Name)} {MarkdownCrossTable.Escape(at.Value.Text)}]({links.To(at.Value)})";

}

/// <summary>
/// The levels the districts set for one indicator: each district's first value that is a level (not
/// a direction or a relative change) with a number, in the unit most of them use.
/// </summary>
public sealed record Spread(string? Unit, double Min, double Median, double Max, (int Column, CellValue Value) Strictest, (int Column, CellValue Value) Loosest)
{
    public static bool IsLevel(Target t) => t.Comparator is not ("up" or "down" or "up_by" or "down_by") && TargetRows.IsNumber(t.Value);

    public static Spread? Of(IndicatorRow row, IndicatorDefinition? definition)
    {
        var firsts = new List<(int Column, CellValue Value)>();
        for (var c = 0; c < row.Cells.Count; c++)
        {
            if (row.Cells[c].FirstOrDefault(v => IsLevel(v.Target)) is { } first)
            {
                firsts.Add((c, first));
            }
        }

        return Of(firsts, definition);
    }

    /// <summary>The spread of each district's first level, given in column order (a table state keeps only those).</summary>
    /// <remarks>
    /// In loops, not LINQ: the national summary asks this of every row with every district's level,
    /// and the passes (group, filter, min, max) were most of a country update's summary.
    /// </remarks>
    public static Spread? Of(IReadOnlyList<(int Column, CellValue Value)> firsts, IndicatorDefinition? definition)
    {
        // Units as small numbers, equal for equal strings.
        var names = new List<string?>(2);
        var units = new int[firsts.Count];
        for (var i = 0; i < firsts.Count; i++)
        {
            var u = firsts[i].Value.Target.Unit;
            var n = 0;
            while (n < names.Count && names[n] != u)
            {
                n++;
            }

            if (n == names.Count)
            {
                names.Add(u);
            }

            units[i] = n;
        }

        if (firsts.Count == 0)
        {
            return null;
        }

        var unit = UnitOf(units);
        var (numbers, lower) = (new double[firsts.Count], new bool[firsts.Count]);
        for (var i = 0; i < firsts.Count; i++)
        {
            if (units[i] == unit.Unit)
            {
                (numbers[i], lower[i]) = (Parse(firsts[i].Value.Target.Value!), firsts[i].Value.Target.Comparator is "<=" or "<");
            }
        }

        var s = Of(units, unit, numbers, lower, definition);
        return new Spread(firsts[unit.First].Value.Target.Unit, s.Min, s.Median, s.Max, firsts[s.Strictest], firsts[s.Loosest]);
    }

    /// <summary>A level's number as the summary reads it.</summary>
    internal static double Parse(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// The unit of a spread, from the first levels' units given as numbers (equal for equal units):
    /// the one most of them use, on a tie the one met first; with its count and its first level.
    /// "%" for most, "‰" for a few: numbers in two units are not one spread.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static (int Unit, int Count, int First) UnitOf(ReadOnlySpan<int> units)
    {
        var counts = new List<(int Unit, int Count, int First)>(2);
        for (var i = 0; i < units.Length; i++)
        {
            var n = 0;
            while (n < counts.Count && counts[n].Unit != units[i])
            {
                n++;
            }

            if (n == counts.Count)
            {
                counts.Add((units[i], 1, i));
            }
            else
            {
                counts[n] = (units[i], counts[n].Count + 1, counts[n].First);
            }
        }

        var chosen = counts[0];
        foreach (var c in counts)
        {
            if (c.Count > chosen.Count)
            {
                chosen = c;
            }
        }

        return chosen;
    }

    /// <summary>
    /// The spread of first levels (at least one) in the unit <see cref="UnitOf"/> chose, given in
    /// column order with their numbers and whether their comparator is "≤" or "&lt;" (read only
    /// for the levels of that unit): the lowest, median and highest number, and which levels are
    /// the strictest and the loosest. A table's levels are objects, a kept state's are columns;
    /// both are worked out here.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static (double Min, double Median, double Max, int Strictest, int Loosest) Of(ReadOnlySpan<int> units, (int Unit, int Count, int First) chosen, ReadOnlySpan<double> number, ReadOnlySpan<bool> lower, IndicatorDefinition? definition)
    {
        var (unit, sameCount) = (chosen.Unit, chosen.Count);
        var numbers = new double[sameCount];
        var same = new int[sameCount];
        var lowerComparators = 0;
        (int Lowest, int Highest) at = (0, 0);
        var taken = 0;
        for (var i = 0; i < units.Length; i++)
        {
            if (units[i] != unit)
            {
                continue;
            }

            var x = number[i];
            (numbers[taken], same[taken]) = (x, i);
            // The first of equal numbers, compared as MinBy and MaxBy compare them.
            if (x.CompareTo(numbers[at.Lowest]) < 0)
            {
                at.Lowest = taken;
            }

            if (x.CompareTo(numbers[at.Highest]) > 0)
            {
                at.Highest = taken;
            }

            if (lower[i])
            {
                lowerComparators++;
            }

            taken++;
        }

        // Sorted in place, a stable sort only where it could show: -0 and 0 compare equal but print apart.
        var sorted = numbers;
        if (numbers.Any(x => x == 0 && double.IsNegative(x)))
        {
            sorted = [.. numbers.Order()];
        }
        else
        {
            Array.Sort(sorted);
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;

        // As the strictness marks read a level: the catalog's direction, else the one the comparators imply.
        var lowerIsBetter = definition?.Better is not null
            ? definition.LowerIsBetter
            : lowerComparators * 2 > sameCount;
        var (lowest, highest) = (same[at.Lowest], same[at.Highest]);
        var (strictest, loosest) = lowerIsBetter ? (lowest, highest) : (highest, lowest);
        return (sorted[0], median, sorted[^1], strictest, loosest);
    }
}
