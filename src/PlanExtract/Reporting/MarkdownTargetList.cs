using System.Text;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>One document's targets as a Markdown table, for reading in a terminal or a report.</summary>
public static class MarkdownTargetList
{
    public static void Write(Stream stream, PlanDocument document)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(document.District ?? document.Source).AppendLine();
        text.AppendLine("| plan | domain | section | item | indicator | target | population | line/page |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var t in document.AllTargets())
        {
            text.Append("| ").Append(t.Plan).Append(" | ").Append(Cell(t.Domain)).Append(" | ").Append(t.Section)
                .Append(" | ").Append(Cell(t.Item)).Append(" | ").Append(Cell(t.Indicator)).Append(" | ").Append(Cell(TargetCell.Format(t)))
                .Append(" | ").Append(Cell(t.Population)).Append(" | ").Append(t.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (t.Page is { } p ? $"p.{p}" : string.Empty))
                .AppendLine(" |");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        stream.Write(bytes);
    }

    public static string Cell(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

/// <summary>A target as a table cell: "≤8/10万", "≥90%", "=65%", "~45%", "↑", "↓20%".</summary>
public static class TargetCell
{
    public static string Format(Target t)
    {
        var unit = t.Unit switch
        {
            null => string.Empty,
            var u when u.StartsWith("1/", StringComparison.Ordinal) => u[1..],
            var u => u,
        };
        var value = t.Value + unit;
        return t.Comparator switch
        {
            "<=" => "≤" + value,
            ">=" => "≥" + value,
            "<" => "<" + value,
            ">" => ">" + value,
            "~" => "≈" + value,
            "=" => "=" + value,
            "up" => "↑",
            "down" => "↓",
            "up_by" => "↑" + value,
            "down_by" => "↓" + value,
            var c => c + value,
        };
    }
}
