using System.Text;
using PlanExtract.Model;

namespace PlanExtract.Tests.Segmentation;

/// <summary>One row of Specs/segmentation*.md: a real excerpt and the outline it must give.</summary>
public sealed record SegmentationRow(int Number, string Header, string Source, string Text, IReadOnlyList<string> Expected)
{
    public override string ToString() => $"row {Number}";
}

/// <summary>Reads the spec rows and renders a read document in the rows' outline form.</summary>
internal static class SegmentationSpec
{
    public static IReadOnlyList<SegmentationRow> Read(string name)
    {
        var rows = new List<SegmentationRow>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Specs", name));
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("## row ", StringComparison.Ordinal))
            {
                continue;
            }

            var header = lines[i][3..].Trim();
            var number = int.Parse(header.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
            string source = string.Empty;
            var text = new StringBuilder();
            var expected = new List<string>();
            var j = i + 1;
            for (; j < lines.Length && !lines[j].StartsWith("## row ", StringComparison.Ordinal); j++)
            {
                if (lines[j].StartsWith("source:", StringComparison.Ordinal))
                {
                    source = lines[j]["source:".Length..].Trim();
                }
                else if (lines[j].StartsWith("```text", StringComparison.Ordinal))
                {
                    for (j++; j < lines.Length && lines[j] != "```"; j++)
                    {
                        text.Append(lines[j]).Append('\n');
                    }
                }
                else if (lines[j].StartsWith("expected:", StringComparison.Ordinal))
                {
                    for (j++; j < lines.Length && (lines[j].StartsWith("plan ", StringComparison.Ordinal) || lines[j].Contains(" | ", StringComparison.Ordinal)); j++)
                    {
                        expected.Add(lines[j].Trim());
                    }

                    j--;
                }
            }

            rows.Add(new SegmentationRow(number, header, source, text.ToString(), expected));
            i = j - 1;
        }

        return rows;
    }

    /// <summary>The outline a row's excerpt gives, read as a .txt file through the whole pipeline.</summary>
    public static List<string> Actual(SegmentationRow row)
    {
        var path = Path.Combine(Path.GetTempPath(), $"planextract-spec-{Environment.ProcessId}-{row.Number}.txt");
        File.WriteAllText(path, row.Text, new UTF8Encoding(false));
        try
        {
            var lines = row.Text.Split('\n');
            return Outline(Pipeline.Default.Read(path), item => IsNumbered(item, lines));
        }
        catch (DocumentReadException e)
        {
            return [$"refused: {e.Message}"];
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>plan lines, then one line per (plan, domain, section) with the item numbers in order.</summary>
    /// <param name="numbered">
    /// Which items the text numbers: the rows list numbered items only; a paragraph the segmenter
    /// takes as an item of an unnumbered section is not one of them (a section of only such
    /// paragraphs shows as "-", and is left out when it is an "other" section).
    /// </param>
    public static List<string> Outline(PlanDocument document, Func<Item, bool>? numbered = null)
    {
        numbered ??= _ => true;
        var lines = new List<string>();
        foreach (var plan in document.Plans)
        {
            var kind = plan.Kind.ToContractName();
            lines.Add($"plan {kind} {(plan.Title.Length == 0 ? "-" : plan.Title)}");
            var rows = new List<(string Key, List<string> Items)>();
            void Add(string domain, SectionKind section, IEnumerable<Item> items)
            {
                var key = $"{kind} | {domain} | {section.ToContractName()}";
                var all = items.ToList();
                var numbers = all.Where(numbered).Select(i => i.Number).ToList();
                if (numbers.Count == 0 && all.Count > 0 && section == SectionKind.Other)
                {
                    return;
                }

                if (rows.Count > 0 && rows[^1].Key == key)
                {
                    rows[^1].Items.AddRange(numbers);
                }
                else
                {
                    rows.Add((key, numbers));
                }
            }

            foreach (var section in plan.Sections)
            {
                Add("-", section.Kind, section.Items);
            }

            foreach (var domain in plan.Domains)
            {
                foreach (var section in domain.Sections)
                {
                    Add(domain.Name, section.Kind, section.Items);
                }
            }

            if (plan.Projects.Count > 0)
            {
                Add("-", SectionKind.Project, plan.Projects);
            }

            lines.AddRange(rows.Select(r => $"{r.Key} | {(r.Items.Count == 0 ? "-" : string.Join(' ', r.Items))}"));
        }

        return lines;
    }

    /// <summary>Whether the item's text stands after its number as a label: "4.", "(2)", "（2）", "②", "2、".</summary>
    private static bool IsNumbered(Item item, string[] lines)
    {
        if (item.Span.Line is not { } line || line < 1 || line > lines.Length || !int.TryParse(item.Number, out var n))
        {
            return true;
        }

        var text = PlanExtract.Text.CharFold.Fold(PlanExtract.Text.PinyinRemnants.Strip(lines[line - 1]));
        var label = $@"(?:(?<!\d){n}\s*[.、﹒](?!\d)|\(\s*{n}\s*\)|{(n is >= 1 and <= 20 ? ((char)('①' + n - 1)).ToString() : "①")})";
        var start = PlanExtract.Text.CharFold.Fold(new string([.. item.Text.Take(6)]));
        if (start.Length == 0 || !text.Contains(start, StringComparison.Ordinal))
        {
            // The number on a line of its own, its text on the next line.
            return System.Text.RegularExpressions.Regex.IsMatch(text, $@"^\s*{label}\s*$");
        }

        return System.Text.RegularExpressions.Regex.IsMatch(text, label + @"\s*" + System.Text.RegularExpressions.Regex.Escape(start));
    }
}
