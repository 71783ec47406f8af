using System.Security.Cryptography;

namespace PlanExtract.Corpus;

/// <summary>
/// A document as it was read: size and write time for a cheap "unchanged?" check, the hash for a
/// sure one. Covers the plan file and its meta.json, since a renamed district changes every record.
/// </summary>
public sealed record DocumentStamp(long Size, long ModifiedTicks, string Sha256)
{
    public static DocumentStamp Of(CorpusDocument document)
    {
        var files = new[] { document.FilePath, Path.Combine(document.Folder, CorpusLayout.MetadataFile) };
        var infos = files.Select(f => new FileInfo(f)).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in files)
        {
            // Streamed, and only regular files: a named pipe would block here before the read reports it.
            RegularFile.Check(file);
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            for (int read; (read = stream.Read(buffer)) > 0;)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return new DocumentStamp(infos.Sum(i => i.Length), infos.Max(i => i.LastWriteTimeUtc.Ticks), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The stamp, or null when the files cannot be read: the read reports the file, and without a stamp it is simply re-read next time.</summary>
    public static DocumentStamp? TryOf(CorpusDocument document)
    {
        try
        {
            return Of(document);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlanExtractException)
        {
            return null;
        }
    }

    /// <summary>Size and time only, for the quick check.</summary>
    public static (long Size, long ModifiedTicks)? Quick(CorpusDocument document)
    {
        var infos = new[] { document.FilePath, Path.Combine(document.Folder, CorpusLayout.MetadataFile) }.Select(f => new FileInfo(f)).ToList();
        return infos.All(i => i.Exists) ? (infos.Sum(i => i.Length), infos.Max(i => i.LastWriteTimeUtc.Ticks)) : null;
    }
}
