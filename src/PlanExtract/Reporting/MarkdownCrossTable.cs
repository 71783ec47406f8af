using System.Globalization;
using System.Text;

namespace PlanExtract.Reporting;

/// <summary>The cross-reference table as GitHub-flavoured Markdown: a <c>##</c> per domain, a pipe table each.</summary>
public static class MarkdownCrossTable
{
    public const string CountRow = "目标数";

    /// <param name="linkFolder">The folder the Markdown is read from, for relative source links.</param>
    public static string Write(IReadOnlyList<CrossTable> tables, string linkFolder)
    {
        var text = new StringBuilder();
        var links = new SourceLinks(linkFolder);
        foreach (var table in tables)
        {
            text.Append("# ").Append(table.Title).Append("：指标 × 地区\n\n");
            text.Append("由 `planextract build` 从 corpus/ 生成，勿手改。\n\n");
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
                                .Append(links.Path(v.FilePath)).Append(v.Anchor).Append(')').Append(Marks.Of(v));
                        }
                    }

                    text.Append(" |\n");
                }

                text.Append("| **").Append(CountRow).Append("** | ")
                    .AppendJoin(" | ", domain.Counts(table.Districts.Count).Select(c => c.ToString(CultureInfo.InvariantCulture))).Append(" |\n\n");
            }
        }

        return text.ToString();
    }

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
