using System.Text;

namespace PlanExtract.Reporting;

/// <summary>
/// The cross-reference table as CSV (the wide layout, <c>--layout wide</c>; the long one is the default) for Excel and WPS: UTF-8 with a BOM (without it both read the
/// Chinese as the ANSI code page), CRLF rows, and beside each district's value column its sources,
/// since a CSV cell cannot hold a link.
/// </summary>
public static class CsvCrossTable
{
    public static byte[] Write(IReadOnlyList<CrossTable> tables) => Bytes(text => Write(text, tables));

    /// <summary>The wide layout written to <paramref name="output"/> as it is made.</summary>
    public static void Write(Stream output, IReadOnlyList<CrossTable> tables) => Streamed(output, text => Write(text, tables));

    private static void Write(TextWriter text, IReadOnlyList<CrossTable> tables)
    {
        var districts = tables.SelectMany(t => t.Districts.Select(d => d.Name)).Distinct(StringComparer.Ordinal).ToList();
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
    }

    /// <summary>
    /// The long layout, the CSV default: one row per target, the target record's keys as the header,
    /// the value a bare number, and beside the source its link (relative to the file, or on the base).
    /// </summary>
    public static byte[] WriteLong(IReadOnlyList<CrossTable> tables, SourceLinks links) => Bytes(text => WriteLong(text, tables, links));

    /// <summary>
    /// The long layout written to <paramref name="output"/> as it is made: the country's is 115 MB
    /// of UTF-8 at 3,200 documents, and built whole first it was held three times over (the text,
    /// its string, its bytes) at the command's peak.
    /// </summary>
    public static void WriteLong(Stream output, IReadOnlyList<CrossTable> tables, SourceLinks links) => Streamed(output, text => WriteLong(text, tables, links));

    private static void WriteLong(TextWriter text, IReadOnlyList<CrossTable> tables, SourceLinks links)
    {
        Line(text, TargetRows.Fields.SelectMany(f => f.Kind == FieldKind.Source ? new[] { f.Name, "link" } : [f.Name]));
        foreach (var row in tables.SelectMany(TargetRows.Of))
        {
            Line(text, TargetRows.Fields.SelectMany(f => f.Kind == FieldKind.Source
                ? new[] { f.Value(row) ?? string.Empty, links.To(row.Value.FilePath, row.Target.Source, MarkdownCrossTable.Anchor(row.Target)) }
                : [f.Value(row) ?? string.Empty]));
        }
    }

    private static byte[] Bytes(Action<TextWriter> write)
    {
        using var bytes = new MemoryStream();
        Streamed(bytes, write);
        return bytes.ToArray();
    }

    /// <summary>UTF-8 with its BOM written first, to a file or a pipe alike (a writer adds it only at a seekable stream's start).</summary>
    private static void Streamed(Stream output, Action<TextWriter> write)
    {
        output.Write(Encoding.UTF8.Preamble);
        TextWriterAppends.WriteUtf8(output, write);
    }

    private static void Line(TextWriter text, IEnumerable<string> fields) =>
        text.AppendJoin(",", fields.Select(Quote)).Append("\r\n");

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
