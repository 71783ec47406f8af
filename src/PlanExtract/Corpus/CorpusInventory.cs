namespace PlanExtract.Corpus;

/// <summary>Why a file or folder under the corpus is not read as part of it.</summary>
public enum CorpusProblem
{
    /// <summary>A plan file in a folder that has no meta.json (a plans.pdf copied in by hand).</summary>
    PlanWithoutMetadata,

    /// <summary>Any other file that is neither a document, its metadata nor the indicator catalog.</summary>
    NotPartOfCorpus,

    /// <summary>A symbolic link whose target lies inside the corpus: never followed, so nothing is read twice.</summary>
    LinkInside,

    /// <summary>A symbolic link whose target lies outside the corpus: never followed.</summary>
    LinkOutside,

    /// <summary>A meta.json whose <c>file</c> is not a plain file of its own folder (../../x, /etc/x, a link).</summary>
    FileNotInFolder,

    /// <summary>A meta.json that cannot be read or lacks display_name or file.</summary>
    BadMetadata,
}

/// <summary>One thing under the corpus that is not read, with the corpus-relative path ('/'-separated) and why.</summary>
public sealed record CorpusFinding(string Path, CorpusProblem Problem, string Detail);

/// <summary>
/// Every file under the corpus accounted for: the documents to build, and a finding for each
/// file or link that is not one of them. "4 documents read, 0 failed" said nothing of a
/// plans.pdf without meta.json, and a link <c>corpus/广东省/loop → ..</c> made the walk read every
/// document 41 times: links are never followed, and every one is reported.
/// </summary>
public sealed record CorpusInventory(IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<CorpusFinding> Findings)
{
    /// <summary>The one file the corpus root holds besides district folders.</summary>
    public const string CatalogFile = "indicators.json";

    public static CorpusInventory Take(CorpusLayout corpus, IReadOnlyCollection<string> documentExtensions)
    {
        if (!Directory.Exists(corpus.Root))
        {
            throw new PlanExtractException($"{corpus.Given}: no such corpus folder");
        }

        var findings = new List<CorpusFinding>();
        var metadata = new List<string>();
        var files = new List<string>();
        Walk(corpus.Root, corpus.Root, metadata, files, findings);

        var documents = new List<CorpusDocument>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in metadata.Order(StringComparer.Ordinal))
        {
            claimed.Add(path);
            CorpusDocument document;
            try
            {
                document = corpus.Load(path);
            }
            catch (DocumentReadException e)
            {
                findings.Add(new CorpusFinding(Relative(corpus.Root, path), CorpusProblem.BadMetadata, e.Reason));
                continue;
            }

            if (OwnFileProblem(document) is { } problem)
            {
                findings.Add(new CorpusFinding(Relative(corpus.Root, path), CorpusProblem.FileNotInFolder, problem));
                continue;
            }

            claimed.Add(document.FilePath);
            documents.Add(document);
        }

        var folders = metadata.Select(Path.GetDirectoryName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files.Where(f => !claimed.Contains(f)))
        {
            var folder = Path.GetDirectoryName(file);
            if (folder == corpus.Root && Path.GetFileName(file) == CatalogFile)
            {
                continue;
            }

            var isPlan = documentExtensions.Contains(Path.GetExtension(file).ToLowerInvariant());
            findings.Add(isPlan && !folders.Contains(folder)
                ? new CorpusFinding(Relative(corpus.Root, file), CorpusProblem.PlanWithoutMetadata, "a plan file in a folder without meta.json")
                : new CorpusFinding(Relative(corpus.Root, file), CorpusProblem.NotPartOfCorpus, isPlan ? "a plan file its folder's meta.json does not name" : "neither a plan, its meta.json nor the indicator catalog"));
        }

        return new CorpusInventory(documents, [.. findings.OrderBy(f => f.Path, StringComparer.Ordinal)]);
    }

    private static void Walk(string root, string folder, List<string> metadata, List<string> files, List<CorpusFinding> findings)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.LinkTarget is { } linkTarget)
            {
                var target = Path.GetFullPath(linkTarget, folder);
                var inside = IsInside(root, target);
                findings.Add(new CorpusFinding(
                    Relative(root, entry.FullName),
                    inside ? CorpusProblem.LinkInside : CorpusProblem.LinkOutside,
                    $"a symbolic link to {linkTarget}{(inside ? string.Empty : ", outside the corpus")}: not followed"));
            }
            else if (entry is DirectoryInfo)
            {
                Walk(root, entry.FullName, metadata, files, findings);
            }
            else if (entry.Name == CorpusLayout.MetadataFile && folder != root)
            {
                metadata.Add(entry.FullName);
            }
            else
            {
                files.Add(entry.FullName);
            }
        }
    }

    /// <summary>A meta.json names a file of its own folder, by its bare name, and not a link.</summary>
    private static string? OwnFileProblem(CorpusDocument document)
    {
        var name = document.Metadata.File;
        if (name != Path.GetFileName(name) || name is "." or ".." || Path.IsPathRooted(name) || name == CorpusLayout.MetadataFile)
        {
            return $"file '{name}' is not a file of this folder: name the plan file beside meta.json";
        }

        var info = new FileInfo(document.FilePath);
        return info.LinkTarget is { } target
            ? $"file '{name}' is a symbolic link to {target}: copy the plan into the folder"
            : null;
    }

    private static bool IsInside(string root, string path) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
