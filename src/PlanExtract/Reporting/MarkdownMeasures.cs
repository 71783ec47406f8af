using System.Globalization;
using System.Text;

namespace PlanExtract.Reporting;

/// <summary>The measures coverage as Markdown: aligned measures × districts, then what each district added.</summary>
public static class MarkdownMeasures
{
    public const string CountRow = "措施数";

    public static string Write(MeasuresTable table, string linkFolder)
    {
        var text = new StringBuilder();
        var links = new SourceLinks(linkFolder);
        text.Append("# ").Append(table.Title).Append("：策略措施对照\n\n");
        text.Append("由 `planextract build` 从 corpus/ 生成，勿手改。\n\n");
        text.Append("- 各地区的策略措施按首句（至第一个“。”）对齐；每行是几个地区都写了的一条措施，格中是该地区的条目序号，链接到原文。\n");
        text.Append("- 只有一个地区写了的措施列在文末“各地区新增的措施”。\n");
        text.Append("- “").Append(CountRow).Append("”为该领域中各地区的措施条目总数。\n\n");
        foreach (var domain in table.Domains)
        {
            text.Append("## ").Append(domain.Domain).Append("\n\n");
            text.Append("| 措施 | ").AppendJoin(" | ", table.Districts.Select(d => MarkdownCrossTable.Escape(d.Name))).Append(" |\n");
            text.Append("| --- |").Append(string.Concat(table.Districts.Select(_ => " --- |"))).Append('\n');
            foreach (var row in domain.Rows.Where(r => r.Districts > 1 || table.Districts.Count == 1))
            {
                text.Append("| ").Append(MarkdownCrossTable.Escape(row.Heading));
                foreach (var cell in row.Cells)
                {
                    text.Append(" | ");
                    if (cell is not null)
                    {
                        text.Append('[').Append(cell.Number).Append("](").Append(links.Path(cell.FilePath)).Append(cell.Anchor).Append(')');
                    }
                }

                text.Append(" |\n");
            }

            text.Append("| **").Append(CountRow).Append("** | ")
                .AppendJoin(" | ", domain.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture))).Append(" |\n\n");
        }

        if (table.Districts.Count > 1)
        {
            text.Append("## 各地区新增的措施\n\n");
            // One pass over the rows files each single-district measure under its district, in
            // domain and row order, instead of a pass over every row for every district.
            var addedBy = table.Districts.Select(_ => new List<(string Domain, MeasureRef Measure)>()).ToList();
            foreach (var domain in table.Domains)
            {
                foreach (var row in domain.Rows)
                {
                    if (row.Districts == 1)
                    {
                        var c = IndexOfFilled(row.Cells);
                        addedBy[c].Add((domain.Domain, row.Cells[c]!));
                    }
                }
            }

            for (var c = 0; c < table.Districts.Count; c++)
            {
                var added = addedBy[c];
                text.Append("### ").Append(table.Districts[c].Name).Append("（").Append(added.Count.ToString(CultureInfo.InvariantCulture)).Append("条）\n\n");
                foreach (var (domain, measure) in added)
                {
                    text.Append("- ").Append(domain).Append(" [").Append(measure.Number).Append("](")
                        .Append(links.To(measure.FilePath, measure.Anchor)).Append(") ")
                        .Append(MarkdownCrossTable.Escape(measure.Heading)).Append('\n');
                }

                text.Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static int IndexOfFilled(IReadOnlyList<MeasureRef?> cells)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c] is not null)
            {
                return c;
            }
        }

        return -1;
    }
}
