using System.Text;

namespace PlanExtract.Reporting;

/// <summary>A link from a written table to a source line: relative, so it works in the repository and in a copy of it.</summary>
public static class SourceLink
{
    /// <summary>"../../corpus/广东省/清远市/plans.txt#L26" from the folder the table is written to.</summary>
    public static string Relative(string fromFolder, string filePath, string anchor)
    {
        var relative = RelativePath.Of(Path.GetFullPath(fromFolder), Path.GetFullPath(filePath));
        return Escape(relative) + anchor;
    }

    // Markdown and URI readers stop at spaces and parentheses; Chinese characters pass as they are,
    // which GitHub and Word both follow.
    internal static string Escape(string path)
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
/// Links from one table to its sources, each file's link worked out once: a table links to the
/// same few files from thousands of cells, and resolving full paths per cell dominated writing.
/// Without a base a link is relative to the folder the table is written to, so it works wherever
/// the table and the repository travel together; with one (<c>table --link-base</c>) every link is
/// that base joined with the source name ("corpus/广东省/…/plans.txt"), so a table sent on its own
/// still opens its sources: a web address (the repository on GitHub) or a shared folder.
/// </summary>
public sealed class SourceLinks(string fromFolder, string? linkBase = null)
{
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly Func<string, string>? _based = Based(linkBase);

    /// <summary>The same text as <see cref="SourceLink.Relative"/>.</summary>
    public string To(string filePath, string anchor) => Path(filePath) + anchor;

    /// <summary>The link of one value: against the base when there is one, else relative.</summary>
    public string To(CellValue value) => To(value.FilePath, value.Source, value.Anchor);

    public string To(string filePath, string source, string anchor)
    {
        if (_based is null)
        {
            return Path(filePath) + anchor;
        }

        if (!_sources.TryGetValue(source, out var link))
        {
            link = _based(source);
            _sources.Add(source, link);
        }

        return link + anchor;
    }

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

    /// <summary>Whether a link is a whole address (with a base) rather than a path relative to the table.</summary>
    public bool Absolute => _based is not null;

    private static Func<string, string>? Based(string? linkBase)
    {
        if (string.IsNullOrWhiteSpace(linkBase))
        {
            return null;
        }

        // "https://github.com/o/r/blob/main" or "file:///srv/share": joined as it is written.
        if (Uri.TryCreate(linkBase, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file" && linkBase.Contains("://", StringComparison.Ordinal))
        {
            var root = linkBase.TrimEnd('/') + "/";
            return source => root + SourceLink.Escape(source);
        }

        // A folder ("/srv/share/PlanExtract", "\\server\share\PlanExtract"): the file's own address in it.
        var folder = System.IO.Path.GetFullPath(linkBase);
        return source => new Uri(System.IO.Path.Combine(folder, source.Replace('/', System.IO.Path.DirectorySeparatorChar))).AbsoluteUri;
    }
}
