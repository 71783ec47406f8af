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
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(corpus.Root, corpus.Root, metadata, files, links);

        var documents = new List<CorpusDocument>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        // Read on every core: at 3,200 documents the meta.json reads were most of a listing, and add lists twice.
        var loaded = metadata.Order(StringComparer.Ordinal).AsParallel().AsOrdered().Select(corpus.LoadOrReport).ToList();
        foreach (var loadedDocument in loaded)
        {
            // An unreadable meta.json (or one whose file is not a plain name of its folder:
            // "../../…", "/etc/…") is that document's error, and stands for its whole folder.
            var document = loadedDocument;
            if (document.Error is not null)
            {
                unreadable.Add(document.Folder);
            }
            else if (links.Remove(document.FilePath, out var target))
            {
                // A link is never followed: the plan must be a regular file of its own folder.
                document = document with { Error = $"not a regular file (a symbolic link to {target}{(IsInside(corpus.Root, Path.GetFullPath(target, document.Folder)) ? string.Empty : ", outside the corpus")}): copy the plan into its folder" };
            }

            claimed.Add(document.FilePath);
            documents.Add(document);
        }

        foreach (var (link, target) in links)
        {
            var inside = IsInside(corpus.Root, Path.GetFullPath(target, Path.GetDirectoryName(link)!));
            findings.Add(new CorpusFinding(
                RelativePath.Of(corpus.Root, link),
                inside ? CorpusProblem.LinkInside : CorpusProblem.LinkOutside,
                $"a symbolic link to {target}{(inside ? string.Empty : ", outside the corpus")}: not followed"));
        }

        var folders = metadata.Select(Path.GetDirectoryName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files.Where(f => !claimed.Contains(f) && !unreadable.Contains(Path.GetDirectoryName(f)!)))
        {
            var folder = Path.GetDirectoryName(file);
            if (folder == corpus.Root && Path.GetFileName(file) == CatalogFile)
            {
                continue;
            }

            var isPlan = documentExtensions.Contains(Path.GetExtension(file).ToLowerInvariant());
            findings.Add(isPlan && !folders.Contains(folder)
                ? new CorpusFinding(RelativePath.Of(corpus.Root, file), CorpusProblem.PlanWithoutMetadata, "a plan file in a folder without meta.json")
                : new CorpusFinding(RelativePath.Of(corpus.Root, file), CorpusProblem.NotPartOfCorpus, isPlan ? "a plan file its folder's meta.json does not name" : "neither a plan, its meta.json nor the indicator catalog"));
        }

        return new CorpusInventory(documents, [.. findings.OrderBy(f => f.Path, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// What <see cref="Take"/> lists once <paramref name="taken"/> has been taken out (a remove, or
    /// the document a replace swapped) and <paramref name="added"/> filed, without walking the
    /// corpus again: the build after an add or a remove needs the listing the command took, and at
    /// 3,200 districts a walk is a quarter of a second. Null when a file of the folder is a finding
    /// (the change may have made it part of the corpus or not), when a link is the folder or above
    /// it, or when the document taken out could not be read (its folder's files were not listed);
    /// the caller then lists the corpus again.
    /// </summary>
    public CorpusInventory? After(CorpusLayout corpus, CorpusDocument? added, CorpusDocument? taken)
    {
        var changed = added ?? taken ?? throw new ArgumentException("nothing added or taken out");
        var folder = RelativePath.Of(corpus.Root, changed.Folder);
        if (taken?.Error is not null || Findings.Any(f => Touches(f, folder)))
        {
            return null;
        }

        var documents = Documents.Where(d => d != taken).ToList();
        if (added is not null)
        {
            // In the order Take lists them: by the path of their meta.json, which is not always the folders' order ("a/b-c" before "a/b").
            var key = MetadataPath(added);
            var at = documents.FindIndex(d => string.CompareOrdinal(MetadataPath(d), key) > 0);
            documents.Insert(at < 0 ? documents.Count : at, added);
        }

        return this with { Documents = documents };
    }

    private static string MetadataPath(CorpusDocument document) => Path.Combine(document.Folder, CorpusLayout.MetadataFile);

    // Whether a finding can change when a document is filed in folder: a file of that folder (a file
    // is judged by its own folder's meta.json), or a link that is the folder or one above it.
    private static bool Touches(CorpusFinding finding, string folder)
    {
        var slash = finding.Path.LastIndexOf('/');
        var findingFolder = slash < 0 ? string.Empty : finding.Path[..slash];
        var isLink = finding.Problem is CorpusProblem.LinkInside or CorpusProblem.LinkOutside;
        return findingFolder == folder || (isLink && (finding.Path == folder || folder.StartsWith(finding.Path + "/", StringComparison.Ordinal)));
    }

    private static void Walk(string root, string folder, List<string> metadata, List<string> files, Dictionary<string, string> links)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            // Only a link has a target to read: asking every entry cost a readlink per file at country scale.
            if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is { } linkTarget)
            {
                links[entry.FullName] = linkTarget;
            }
            else if (entry is DirectoryInfo)
            {
                Walk(root, entry.FullName, metadata, files, links);
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

    private static bool IsInside(string root, string path) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
