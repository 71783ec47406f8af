using System.Security.Cryptography;
using PlanExtract.Corpus;
using PlanExtract.Indexing;

namespace PlanExtract.Build;

/// <summary>Which documents an incremental build may keep as the last build left them.</summary>
internal static class ChangeDetection
{
    /// <summary>
    /// What the index must have been built with for its entries to stand: this build of the
    /// library (its module id changes with the code) and the indicator catalog the pipeline uses.
    /// </summary>
    public static string Fingerprint(CorpusLayout corpus)
    {
        var catalog = Path.Combine(corpus.Root, OutputLayout.CatalogFile);
        var catalogHash = File.Exists(catalog) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(catalog))) : "none";
        return typeof(Pipeline).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "/" + catalogHash;
    }

    // Unchanged means: indexed with a hash, same size and time or else same hash, its target lines
    // all present in the last targets.jsonl (which may have been deleted or edited by hand) and its
    // record in records.jsonl.
    public static IndexedDocument? Unchanged(CorpusDocument document, CorpusManifest manifest, SourceRuns targets, SourceRuns records)
    {
        if (!manifest.Documents.TryGetValue(document.Source, out var entry) || entry.Sha256 is null
            || targets.Count(document.Source) != entry.Targets || records.Count(document.Source) != 1)
        {
            return null;
        }

        if (DocumentStamp.Quick(document) is not { } quick)
        {
            return null;
        }

        if (quick == (entry.Size, entry.ModifiedTicks))
        {
            return entry;
        }

        return DocumentStamp.TryOf(document)?.Sha256 == entry.Sha256 ? entry : null;
    }
}
