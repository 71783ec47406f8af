using System.Text;

namespace PlanExtract.Reporting;

/// <summary>A link from a written table to a source line: relative, so it works in the repository and in a copy of it.</summary>
public static class SourceLink
{
    /// <summary>"../../corpus/广东省/清远市/plans.txt#L26" from the folder the table is written to.</summary>
    public static string Relative(string fromFolder, string filePath, string anchor)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(fromFolder), Path.GetFullPath(filePath)).Replace(Path.DirectorySeparatorChar, '/');
        return Escape(relative) + anchor;
    }

    // Markdown and URI readers stop at spaces and parentheses; Chinese characters pass as they are,
    // which GitHub and Word both follow.
    private static string Escape(string path)
    {
        var text = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            text.Append(c switch
            {
                ' ' => "%20",
                '(' => "%28",
                ')' => "%29",
                '#' => "%23",
                '?' => "%3F",
                '%' => "%25",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}

/// <summary>
/// Links from one table to its sources, each file's relative path worked out once: a table links
/// to the same few files from thousands of cells, and resolving full paths per cell dominated writing.
/// </summary>
public sealed class SourceLinks(string fromFolder)
{
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);

    /// <summary>The same text as <see cref="SourceLink.Relative"/>.</summary>
    public string To(string filePath, string anchor) => Path(filePath) + anchor;

    /// <summary>The escaped relative path, without the anchor.</summary>
    public string Path(string filePath)
    {
        if (!_paths.TryGetValue(filePath, out var path))
        {
            path = SourceLink.Relative(fromFolder, filePath, string.Empty);
            _paths.Add(filePath, path);
        }

        return path;
    }
}
