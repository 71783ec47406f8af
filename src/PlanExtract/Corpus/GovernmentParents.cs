namespace PlanExtract.Corpus;

/// <summary>
/// Which government sits above which, read from the corpus folders: 清远市 above 清远市/清城区.
/// </summary>
public static class GovernmentParents
{
    /// <summary>
    /// Per document, the nearest other document whose folder holds this one's. Found by walking up
    /// the folder path through a dictionary of folders, not by comparing every pair of documents.
    /// </summary>
    public static List<DocumentResult?> Of(IReadOnlyList<DocumentResult> children, IReadOnlyList<DocumentResult> all)
    {
        // Of several documents in one folder the first in corpus order; of spellings of one folder
        // (with and without a trailing separator) the longest, as the pairwise rule ordered them.
        var byFolder = new Dictionary<string, DocumentResult>(StringComparer.Ordinal);
        foreach (var r in all)
        {
            var folder = Normal(r.Document.Folder);
            if (!byFolder.TryGetValue(folder, out var held) || r.Document.Folder.Length > held.Document.Folder.Length)
            {
                byFolder[folder] = r;
            }
        }

        var parents = new List<DocumentResult?>(children.Count);
        foreach (var child in children)
        {
            DocumentResult? parent = null;
            for (var folder = Path.GetDirectoryName(Normal(child.Document.Folder)); folder is not null && parent is null; folder = Path.GetDirectoryName(folder))
            {
                parent = byFolder.GetValueOrDefault(folder);
            }

            parents.Add(parent);
        }

        return parents;
    }

    private static string Normal(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
}
