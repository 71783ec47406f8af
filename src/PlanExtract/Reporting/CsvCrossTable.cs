using System.Text;

namespace PlanExtract.Reporting;

/// <summary>
/// The cross-reference table as CSV (the wide layout, <c>--layout wide</c>; the long one is the default) for Excel and WPS: UTF-8 with a BOM (without it both read the
/// Chinese as the ANSI code page), CRLF rows, and beside each district's value column its sources,
/// since a CSV cell cannot hold a link.
/// </summary>
public static class CsvCrossTable
{
    public static byte[] Write(IReadOnlyList<CrossTable> tables)
    {
        var districts = tables.SelectMany(t => t.Districts.Select(d => d.Name)).Distinct(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        Line(text, ["规划", "领域", "指标", .. districts.SelectMany(d => new[] { d, d + " 来源" })]);
        foreach (var table in tables)
        {
            // Each district's column in this table (the first of that name), found once per table
            // rather than by a search per row and district.
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < table.Districts.Count; c++)
            {
                first.TryAdd(table.Districts[c].Name, c);
            }

            var columnOf = districts.Select(d => first.GetValueOrDefault(d, -1)).ToArray();
            foreach (var domain in table.Domains)
            {
                foreach (var row in domain.Rows)
                {
                    var fields = new List<string> { table.Title, domain.Domain, row.Indicator + (row.InCatalog ? string.Empty : " " + Marks.NotInCatalog) };
                    foreach (var column in columnOf)
                    {
                        var cell = column < 0 ? [] : row.Cells[column];
                        fields.Add(string.Join("；", cell.Select(v => v.Text + Marks.Of(v))));
                        fields.Add(string.Join("；", cell.Select(v => v.Source + v.Anchor)));
                    }

                    Line(text, fields);
                }

                var counts = domain.Counts(table.Districts.Count);
                Line(text, [table.Title, domain.Domain, MarkdownCrossTable.CountRow, .. columnOf.SelectMany(column =>
                {
                    return new[] { column < 0 ? string.Empty : counts[column].ToString(System.Globalization.CultureInfo.InvariantCulture), string.Empty };
                })]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// The long layout, the CSV default: one row per target, the target record's keys as the header,
    /// the value a bare number, and beside the source its link (relative to the file, or on the base).
    /// </summary>
    public static byte[] WriteLong(IReadOnlyList<CrossTable> tables, SourceLinks links)
    {
        var text = new StringBuilder();
        Line(text, TargetRows.Fields.SelectMany(f => f.Kind == FieldKind.Source ? new[] { f.Name, "link" } : [f.Name]));
        foreach (var row in tables.SelectMany(TargetRows.Of))
        {
            Line(text, TargetRows.Fields.SelectMany(f => f.Kind == FieldKind.Source
                ? new[] { f.Value(row) ?? string.Empty, links.To(row.Value.FilePath, row.Target.Source, MarkdownCrossTable.Anchor(row.Target)) }
                : [f.Value(row) ?? string.Empty]));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(",", fields.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
