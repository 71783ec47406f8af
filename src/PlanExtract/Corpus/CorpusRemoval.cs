namespace PlanExtract.Corpus;

/// <summary>Which corpus documents a name given to <c>remove</c> means, and the near names when none.</summary>
public sealed record DistrictMatch(IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<CorpusDocument> Near);

/// <summary>
/// Takes a district out of the corpus: its meta.json and the plan file it names, then any folder
/// left empty. A city's folder keeps its districts' folders (removing 清远市 leaves 清远市/清城区/).
/// </summary>
public static class CorpusRemoval
{
    /// <summary>
    /// The documents a name means: its display name (清远市清城区), its district (清城区), a city's
    /// own plan by the city (清远市), its folder (广东省/清远市/清城区) or its division code (441802).
    /// </summary>
    public static DistrictMatch Find(IReadOnlyList<CorpusDocument> documents, CorpusLayout corpus, string name)
    {
        var wanted = name.Trim().TrimEnd('/');
        var found = documents.Where(d => Names(d, corpus).Contains(wanted, StringComparer.Ordinal)).ToList();
        if (found.Count > 0)
        {
            return new DistrictMatch(found, []);
        }

        var near = documents
            .Where(d => Names(d, corpus).Any(n => n.Contains(wanted, StringComparison.Ordinal) || (n.Length > 1 && wanted.Contains(n, StringComparison.Ordinal)) || EditDistanceIsOne(n, wanted)))
            .ToList();
        return new DistrictMatch([], near);
    }

    /// <summary>Deletes the document's meta.json and plan file, then the folders this leaves empty.</summary>
    public static void Remove(CorpusDocument document, CorpusLayout corpus)
    {
        File.Delete(document.FilePath);
        File.Delete(Path.Combine(document.Folder, CorpusLayout.MetadataFile));
        for (var folder = document.Folder; folder != corpus.Root && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder)!)
        {
            Directory.Delete(folder);
        }
    }

    private static IEnumerable<string> Names(CorpusDocument document, CorpusLayout corpus)
    {
        var meta = document.Metadata;
        yield return meta.DisplayName;
        yield return RelativePath.Of(corpus.Root, document.Folder);
        if ((meta.District ?? meta.City ?? meta.Province) is { } own)
        {
            yield return own;
        }

        if (meta.DivisionCode is { } code)
        {
            yield return code;
        }
    }

    private static bool EditDistanceIsOne(string a, string b)
    {
        if (a.Length != b.Length)
        {
            var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
            return longer.Length == shorter.Length + 1
                && Enumerable.Range(0, longer.Length).Any(i => longer.Remove(i, 1) == shorter);
        }

        return Enumerable.Range(0, a.Length).Count(i => a[i] != b[i]) == 1;
    }
}
