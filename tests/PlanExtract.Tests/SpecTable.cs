namespace PlanExtract.Tests;

/// <summary>Reads a Markdown pipe table from Specs/ into rows of cells (header and rule rows skipped).</summary>
internal static class SpecTable
{
    public static IReadOnlyList<string[]> Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", name);
        var rows = new List<string[]>();
        var seenHeader = false;
        foreach (var line in File.ReadLines(path))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith('|'))
            {
                continue;
            }

            var cells = trimmed.Trim('|').Split('|').Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal)).ToArray();
            if (!seenHeader)
            {
                seenHeader = true;
                continue;
            }

            if (cells.All(c => c.Trim('-', ':').Length == 0))
            {
                continue;
            }

            rows.Add(cells);
        }

        return rows;
    }
}
