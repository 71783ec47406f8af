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
    public static Region Of(CorpusDocument document)
    {
        var folders = document.Source.Split('/')[1..^1];
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
    public static (IReadOnlyList<TablePart> Parts, IReadOnlyDictionary<string, int> PartOf) Parts(IEnumerable<DistrictColumn> districts, int maxColumns = MaxDistrictColumns)
    {
        var parts = new List<TablePart>();
        var partOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var province in districts.Select(d => (d.Document.Source, Region: Region.Of(d.Document))).GroupBy(d => d.Region.Province, StringComparer.Ordinal))
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
    public static string Summary(CrossTable table, IReadOnlyList<TablePart> partOfColumn, IndicatorCatalog catalog, string linkFolder, int maxColumns = MaxDistrictColumns)
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
        foreach (var domain in table.Domains)
        {
            text.Append("## ").Append(domain.Domain).Append("\n\n");
            text.Append("| 指标 | 地区数 | 单位 | 最小值 | 中位数 | 最大值 | 最严 | 最宽 | 分省表 |\n");
            text.Append("| --- | ---: | --- | ---: | ---: | ---: | --- | --- | --- |\n");
            foreach (var row in domain.Rows)
            {
                var spread = Spread.Of(row, catalog.Find(row.Indicator));
                text.Append("| ").Append(MarkdownCrossTable.Escape(row.Indicator)).Append(row.InCatalog ? string.Empty : " " + Marks.NotInCatalog)
                    .Append(" | ").Append(row.Cells.Count(c => c.Count > 0).ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(MarkdownCrossTable.Escape(spread?.Unit ?? string.Empty))
                    .Append(" | ").Append(spread is null ? string.Empty : Number(spread.Min))
                    .Append(" | ").Append(spread is null ? string.Empty : Number(spread.Median))
                    .Append(" | ").Append(spread is null ? string.Empty : Number(spread.Max))
                    .Append(" | ").Append(spread is null ? string.Empty : Link(table, spread.Strictest, links))
                    .Append(" | ").Append(spread is null ? string.Empty : Link(table, spread.Loosest, links))
                    .Append(" | ");
                var provinces = Enumerable.Range(0, row.Cells.Count).Where(c => row.Cells[c].Count > 0).Select(c => partOfColumn[c])
                    .DistinctBy(p => p.Province).Select(p => $"[{MarkdownCrossTable.Escape(p.Province)}]({SourceLink.Escape(p.Province)}/{(p.Split ? string.Empty : file)})");
                text.AppendJoin("、", provinces).Append(" |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Link(CrossTable table, (int Column, CellValue Value) at, SourceLinks links) =>
        $"[{MarkdownCrossTable.Escape(table.Districts[at.Column].Name)} {MarkdownCrossTable.Escape(at.Value.Text)}]({links.To(at.Value)})";

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
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
        var levels = new List<(int Column, CellValue Value, double Number)>();
        for (var c = 0; c < row.Cells.Count; c++)
        {
            if (row.Cells[c].FirstOrDefault(v => IsLevel(v.Target)) is { } first)
            {
                levels.Add((c, first, double.Parse(first.Target.Value!, NumberStyles.Float, CultureInfo.InvariantCulture)));
            }
        }

        if (levels.Count == 0)
        {
            return null;
        }

        // "%" for most, "‰" for a few: numbers in two units are not one spread.
        var unit = levels.GroupBy(l => l.Value.Target.Unit).OrderByDescending(g => g.Count()).First().Key;
        var same = levels.Where(l => l.Value.Target.Unit == unit).ToList();
        var sorted = same.Select(l => l.Number).Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;

        // As the strictness marks read a level: the catalog's direction, else the one the comparators imply.
        var lowerIsBetter = definition?.Better is not null
            ? definition.LowerIsBetter
            : same.Count(l => l.Value.Target.Comparator is "<=" or "<") * 2 > same.Count;
        var lowest = same.MinBy(l => l.Number);
        var highest = same.MaxBy(l => l.Number);
        var (strictest, loosest) = lowerIsBetter ? (lowest, highest) : (highest, lowest);
        return new Spread(unit, sorted[0], median, sorted[^1], (strictest.Column, strictest.Value), (loosest.Column, loosest.Value));
    }
}
