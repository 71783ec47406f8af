using System.Globalization;
using System.Text;

namespace PlanExtract.Reporting;

/// <summary>The cross-reference table as GitHub-flavoured Markdown: a <c>##</c> per domain, a pipe table each.</summary>
public static class MarkdownCrossTable
{
    public const string CountRow = "目标数";

    /// <param name="linkFolder">The folder the Markdown is read from, for relative source links.</param>
    public static string Write(IReadOnlyList<CrossTable> tables, string linkFolder) => Write(tables, new CrossTableWriteOptions(linkFolder));

    public static string Write(IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options) => Text(text => Write(text, tables, options));

    /// <summary>The wide layout written to <paramref name="output"/> as it is made (UTF-8, no BOM).</summary>
    public static void Write(Stream output, IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options) => TextWriterAppends.WriteUtf8(output, text => Write(text, tables, options));

    private static void Write(TextWriter text, IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options)
    {
        var links = options.Links();
        foreach (var table in tables)
        {
            text.Append("# ").Append(table.Area is { } area ? area + " " : string.Empty).Append(table.Title).Append("：指标 × 地区\n\n");
            text.Append(TableHeader.Of(options.Scope)).Append("\n\n");
            foreach (var line in Marks.Legend(table))
            {
                text.Append("- ").Append(line).Append('\n');
            }

            text.Append('\n');
            foreach (var domain in table.Domains)
            {
                text.Append("## ").Append(domain.Domain).Append("\n\n");
                text.Append("| 指标 | ").AppendJoin(" | ", table.Districts.Select(d => Escape(d.Name))).Append(" |\n");
                text.Append("| --- |").Append(string.Concat(table.Districts.Select(_ => " --- |"))).Append('\n');
                foreach (var row in domain.Rows)
                {
                    text.Append("| ").Append(Escape(row.Indicator)).Append(row.InCatalog ? string.Empty : " " + Marks.NotInCatalog);
                    foreach (var cell in row.Cells)
                    {
                        text.Append(" | ");
                        for (var i = 0; i < cell.Count; i++)
                        {
                            var v = cell[i];
                            text.Append(i == 0 ? "[" : "<br>[").Append(Escape(v.Text)).Append("](")
                                .Append(links.To(v)).Append(')').Append(Marks.Of(v));
                        }
                    }

                    text.Append(" |\n");
                }

                text.Append("| **").Append(CountRow).Append("** | ")
                    .AppendJoin(" | ", domain.Counts(table.Districts.Count).Select(c => c.ToString(CultureInfo.InvariantCulture))).Append(" |\n\n");
            }
        }
    }

    /// <summary>The long layout: one pipe table of every target, the source cell linking its line.</summary>
    public static string WriteLong(IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options) => Text(text => WriteLong(text, tables, options));

    /// <summary>
    /// The long layout written to <paramref name="output"/> as it is made: the whole country's is
    /// 132 MB of UTF-8 at 3,200 documents, and built whole first (text, string, bytes) it took
    /// <c>table</c> over 1 GB.
    /// </summary>
    public static void WriteLong(Stream output, IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options) => TextWriterAppends.WriteUtf8(output, text => WriteLong(text, tables, options));

    private static void WriteLong(TextWriter text, IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options)
    {
        var links = options.Links();
        text.Append("# 目标清单：").AppendJoin("、", tables.Select(t => t.Title)).Append("\n\n");
        text.Append(TableHeader.Of(options.Scope)).Append("\n\n");
        text.Append("- 每行一个目标；comparator、value 等列与 output/targets.jsonl 的键同名同义；parent_comparison 为对照上级同类规划的结果（stricter、same、looser，不可比或无上级为 none）。\n");
        foreach (var line in tables.SelectMany(Marks.Parents))
        {
            text.Append("- ").Append(line).Append('\n');
        }

        text.Append("\n| ").AppendJoin(" | ", TargetRows.Fields.Select(f => f.Name)).Append(" |\n");
        text.Append('|').Append(string.Concat(TargetRows.Fields.Select(f => f.Kind == FieldKind.Number ? " ---: |" : " --- |"))).Append('\n');
        foreach (var row in tables.SelectMany(TargetRows.Of))
        {
            text.Append('|');
            foreach (var field in TargetRows.Fields)
            {
                var value = Escape(field.Value(row) ?? string.Empty);
                text.Append(' ');
                if (field.Kind == FieldKind.Source)
                {
                    text.Append('[').Append(value).Append("](").Append(links.To(row.Value.FilePath, row.Target.Source, Anchor(row.Target))).Append(')');
                }
                else
                {
                    text.Append(value);
                }

                text.Append(" |");
            }

            text.Append('\n');
        }
    }

    private static string Text(Action<TextWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        write(text);
        return text.ToString();
    }

    /// <summary>The anchor of one statement of a value (a repeated value has its own line).</summary>
    public static string Anchor(Model.Target t) => t.Line is { } line ? $"#L{line}" : t.Page is { } page ? $"#page={page}" : string.Empty;

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
