using System.Globalization;
using System.Text.Json;
using PlanExtract.Corpus;
using PlanExtract.Extraction;

namespace PlanExtract.Reporting;

/// <summary>The number audit as JSON lines (the contract's "Number audit" record) or as text to read.</summary>
public static class NumberAuditOutput
{
    public static void WriteJsonLines(Stream stream, IEnumerable<AuditedNumber> numbers)
    {
        foreach (var n in numbers)
        {
            using (var w = new Utf8JsonWriter(stream, RecordJson.Compact))
            {
                w.WriteStartObject();
                w.WriteNumberOrNull("line", n.Line);
                w.WriteNumberOrNull("page", n.Page);
                w.WriteString("number", n.Number);
                w.WriteString("value", n.Value);
                w.WriteString("unit", n.Unit);
                w.WriteString("fate", n.Fate.ToContractName());
                w.WriteString("reason", n.Reason);
                w.WriteString("clause", n.Clause);
                if (n.Target is { } target)
                {
                    w.WritePropertyName("target");
                    JsonOutput.WriteTarget(w, target);
                }
                else
                {
                    w.WriteNull("target");
                }

                w.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>"L93  8/10万  target  孕产妇死亡率 <= 8 1/10万", unread numbers with their clause; a count per fate at the end.</summary>
    public static void WriteText(TextWriter w, IReadOnlyList<AuditedNumber> numbers)
    {
        foreach (var n in numbers)
        {
            var where = n.Line is { } line ? "L" + line.ToString(CultureInfo.InvariantCulture) : n.Page is { } page ? "p." + page.ToString(CultureInfo.InvariantCulture) : "?";
            var what = n.Target is { } t
                ? $"{t.Indicator} {t.Comparator} {t.Value}{(t.Unit is null ? string.Empty : " " + t.Unit)}"
                : $"{n.Reason}: {n.Excerpt(60)}";
            w.WriteLine($"{where,-6} {n.Number,-10} {n.Fate.ToContractName(),-11} {what}");
        }

        w.WriteLine(string.Join(", ", numbers.GroupBy(n => n.Fate).OrderBy(g => g.Key).Select(g => $"{g.Key.ToContractName()} {g.Count()}")));
    }
}
