using System.Globalization;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>One target of a table in the long layout: the district it belongs to and the value it is shown in.</summary>
public sealed record TargetRow(CrossTable Table, DistrictColumn District, CellValue Value, Target Target);

/// <summary>How a long-layout column is written: text, a number (numeric cell in a workbook), or the source (a link).</summary>
public enum FieldKind
{
    Text,
    Number,
    Source,
}

public sealed record TargetField(string Name, FieldKind Kind, Func<TargetRow, string?> Value);

/// <summary>
/// The tidy long layout (<c>table --layout long</c>): one row per target, its place, what it sets
/// and how it stands against the parent's plan. Names follow the target record's keys, so a row
/// joins with output/targets.jsonl on district, source and line.
/// </summary>
public static class TargetRows
{
    public static IReadOnlyList<TargetField> Fields { get; } =
    [
        new("province", FieldKind.Text, r => r.District.Document.Metadata.Province),
        new("city", FieldKind.Text, r => r.District.Document.Metadata.City),
        new("district", FieldKind.Text, r => r.District.Name),
        new("level", FieldKind.Text, r => r.District.Document.Metadata.Level),
        new("plan", FieldKind.Text, r => r.Target.Plan),
        new("domain", FieldKind.Text, r => r.Target.Domain),
        new("section", FieldKind.Text, r => r.Target.Section),
        new("item", FieldKind.Text, r => r.Target.Item),
        new("indicator", FieldKind.Text, r => r.Target.Indicator),
        new("indicator_id", FieldKind.Text, r => r.Target.IndicatorId),
        new("comparator", FieldKind.Text, r => r.Target.Comparator),
        new("value", FieldKind.Number, r => r.Target.Value),
        new("unit", FieldKind.Text, r => r.Target.Unit),
        new("year", FieldKind.Number, r => Number(r.Target.Year)),
        new("basis", FieldKind.Text, r => r.Target.Basis),
        new("population", FieldKind.Text, r => r.Target.Population),
        new("parent", FieldKind.Text, r => r.District.Parent),
        new("parent_comparison", FieldKind.Text, r => Comparison(r.District.Parent is null ? null : r.Value.VsParent)),
        new("reference_comparison", FieldKind.Text, r => Comparison(r.Value.VsReference)),
        new("text", FieldKind.Text, r => r.Target.Text),
        new("source", FieldKind.Source, r => r.Target.Source),
        new("line", FieldKind.Number, r => Number(r.Target.Line)),
        new("page", FieldKind.Number, r => Number(r.Target.Page)),
    ];

    /// <summary>Every target the table shows, in the table's order: domain, indicator, district, then as written.</summary>
    public static IEnumerable<TargetRow> Of(CrossTable table)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var row in table.Domains.SelectMany(d => d.Rows))
        {
            // A domain listed twice shows one row twice; its targets are listed once.
            if (!seen.Add(row.Cells))
            {
                continue;
            }

            for (var c = 0; c < row.Cells.Count; c++)
            {
                foreach (var value in row.Cells[c])
                {
                    foreach (var target in value.Targets)
                    {
                        yield return new TargetRow(table, table.Districts[c], value, target);
                    }
                }
            }
        }
    }

    /// <summary>A value that reads as a number ("6.5", "2.0"); a ratio such as "2:1" stays text.</summary>
    public static bool IsNumber(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>The contract's words for a comparison: stricter, same, looser, or none when nothing comparable.</summary>
    public static string Comparison(Strictness? s) => s switch
    {
        Strictness.Stricter => "stricter",
        Strictness.Same => "same",
        Strictness.Looser => "looser",
        _ => "none",
    };

    private static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);
}
