using System.Text.Json;
using System.Text.Json.Serialization;
using PlanExtract.Corpus;
using PlanExtract.Indexing;

namespace PlanExtract.Build;

/// <summary>
/// Makes <c>targets.jsonl</c>, <c>index/records.jsonl</c>, the tables and the index of one build
/// one generation. A build writes its files into <c>index/pending-…/</c> and its index into a new
/// generation folder, then writes the journal <c>index/COMMIT</c> (by one rename) naming them all;
/// only then are the files moved into place and the index pointer swapped, and the journal becomes
/// the record <c>index/OUTPUTS</c>. A kill before the journal leaves the old generation whole; a
/// kill after it is finished by the next build (<see cref="Recover"/>). The record's sizes and
/// write times let a later build see outputs changed since (a hand edit, a truncation) and re-make them.
/// </summary>
internal static class OutputGeneration
{
    public const string JournalFile = "COMMIT";
    public const string RecordFile = "OUTPUTS";
    private const string PendingPrefix = "pending-";

    // One line: at 3,200 documents the record lists some 4,800 table files, and indented it was a
    // third larger to write and read on every update. Older indented records read the same.
    private static readonly JsonSerializerOptions _json = new();

    /// <summary>A fresh staging folder; its files, relative to it, land at the same place under the output folder.</summary>
    public static string StartPending(OutputLayout output)
    {
        var folder = Path.Combine(output.Index, PendingPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The staged path of an output file (a path under the output folder).</summary>
    public static string Staged(OutputLayout output, string pending, string finalPath) =>
        Path.Combine(pending, Path.GetRelativePath(output.Root, finalPath));

    /// <summary>Publishes a staged build: journal, moves, pointer swap, record. The index generation is committed and not yet live.</summary>
    /// <remarks>A failure before the journal drops the staged build; after it, the next build finishes it.</remarks>
    /// <param name="kept">Published files (relative to the output folder) that are part of this build as they are: recorded, not staged.</param>
    /// <param name="removed">Published files this build no longer has (a removed district's tables): deleted with the moves.</param>
    /// <param name="patches">Published files updated in place (<see cref="RunsPatch"/>) rather than replaced.</param>
    /// <param name="last">What <see cref="Verify"/> found of the last build: a kept file it found intact is recorded with the size and time it saw, not stat'ed again.</param>
    public static void Commit(OutputLayout output, string pending, string indexGeneration, IReadOnlyCollection<string>? kept = null, IReadOnlyCollection<string>? removed = null, IReadOnlyList<FilePatch>? patches = null, Verified? last = null)
    {
        Record record;
        try
        {
            record = Journal(output, pending, indexGeneration, kept ?? [], removed ?? [], patches ?? [], last ?? Verified.Nothing);
        }
        catch
        {
            Abandon(pending);
            throw;
        }

        Apply(output, record);
    }

    /// <summary>Tests throw here to play a build killed at each step after its journal (per async flow, so parallel tests never meet it).</summary>
    internal static Action<string>? AfterStep
    {
        get => _afterStep.Value;
        set => _afterStep.Value = value;
    }

    private static readonly AsyncLocal<Action<string>?> _afterStep = new();

    private static Record Journal(OutputLayout output, string pending, string indexGeneration, IReadOnlyCollection<string> kept, IReadOnlyCollection<string> removed, IReadOnlyList<FilePatch> patches, Verified last)
    {
        var files = Directory.EnumerateFiles(pending, "*", SearchOption.AllDirectories)
            .Select(f => RelativePath.Of(pending, f))
            .Where(f => !f.StartsWith(AppendFolder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var staged = files.ToHashSet(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // Refused before the journal: a folder where a file goes would stop the moves half way.
            var target = Path.Combine(output.Root, file);
            if (Directory.Exists(target))
            {
                throw new PlanExtractException($"{target}: is a folder where the build writes a file; move it away and build again");
            }
        }

        var record = new Record(
            indexGeneration,
            Path.GetFileName(pending),
            [.. files.Select(f => Describe(Path.Combine(pending, f), f)), .. kept.Where(f => !staged.Contains(f)).Select(f => last.Seen.GetValueOrDefault(f) ?? Describe(Path.Combine(output.Root, f), f))])
        {
            Removed = [.. removed.Where(f => !staged.Contains(f))],
            Patches = patches.Count > 0 ? patches : null,
        };
        WriteDurably(Path.Combine(output.Index, JournalFile), JsonSerializer.SerializeToUtf8Bytes(record, _json));
        return record;
    }

    /// <summary>
    /// Run before a build reads the last one: finishes a build killed after its journal, and removes
    /// what builds killed before it left (staging folders, unfinished index generations).
    /// </summary>
    public static void Recover(OutputLayout output)
    {
        if (!Directory.Exists(output.Index))
        {
            return;
        }

        var journal = Path.Combine(output.Index, JournalFile);
        if (Read(journal) is { } record)
        {
            Apply(output, record);
            return;
        }

        if (File.Exists(journal))
        {
            // Written by one rename, so never half there; unreadable means edited: the outputs are then checked as any others.
            File.Delete(journal);
        }

        RemoveLeftovers(output, keep: null);
        CorpusIndex.RemoveStaleGenerations(output.Index, CorpusIndex.LiveGeneration(output.Index));
    }

    /// <summary>
    /// Which of the last build's outputs are still as it wrote them: the index generation it made
    /// live, and each file by size and hash. An output missing from the answer is re-made.
    /// </summary>
    public static Verified Verify(OutputLayout output)
    {
        if (Read(Path.Combine(output.Index, RecordFile)) is not { } record)
        {
            return Verified.Nothing;
        }

        var intact = new Dictionary<string, FileRecord>(record.Files.Count, StringComparer.Ordinal);
        foreach (var file in record.Files.Where(f => Matches(Path.Combine(output.Root, f.Path), f)))
        {
            intact[file.Path] = file;
        }

        return new Verified(record.IndexGeneration == CorpusIndex.LiveGeneration(output.Index), intact.Keys.ToHashSet(StringComparer.Ordinal)) { Seen = intact };
    }

    /// <summary>
    /// Null when the outputs are one generation: the last record holds, or a journal is there whose
    /// every file is staged or already in place (the next build finishes it); else what is mixed.
    /// </summary>
    public static string? Inconsistency(OutputLayout output)
    {
        var journal = Read(Path.Combine(output.Index, JournalFile));
        if (journal is not null)
        {
            var pending = Path.Combine(output.Index, journal.Pending);
            var missing = journal.Files.FirstOrDefault(f => !Matches(Path.Combine(pending, f.Path), f) && !Matches(Path.Combine(output.Root, f.Path), f));
            var unpatchable = (journal.Patches ?? []).FirstOrDefault(p => !File.Exists(Path.Combine(pending, p.Append)) || !File.Exists(Path.Combine(output.Root, p.Path)));
            return missing is not null ? $"{missing.Path} is neither staged nor in place"
                : unpatchable is not null ? $"{unpatchable.Path} cannot be patched: its appended lines or the file itself are gone"
                : !Directory.Exists(Path.Combine(output.Index, journal.IndexGeneration)) ? "the journal's index generation is gone" : null;
        }

        if (Read(Path.Combine(output.Index, RecordFile)) is not { } record)
        {
            return File.Exists(output.Targets) ? "targets.jsonl without a record of its build" : null;
        }

        var changed = record.Files.FirstOrDefault(f => !Matches(Path.Combine(output.Root, f.Path), f));
        return changed is not null ? $"{changed.Path} is not the one its build wrote"
            : record.IndexGeneration != CorpusIndex.LiveGeneration(output.Index) ? "the live index is not the one its build made" : null;
    }

    private static void Apply(OutputLayout output, Record record)
    {
        var pending = Path.Combine(output.Index, record.Pending);
        foreach (var patch in record.Patches ?? [])
        {
            patch.Apply(Path.Combine(output.Root, patch.Path), Path.Combine(pending, patch.Append));
            AfterStep?.Invoke(patch.Path);
        }

        // The staging folder listed once: an update stages a few files of the 11,000 the record
        // names, and a lookup per named file cost as many failed stats.
        var stagedFiles = Directory.Exists(pending)
            ? Directory.EnumerateFiles(pending, "*", SearchOption.AllDirectories).Select(f => RelativePath.Of(pending, f)).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var file in record.Files)
        {
            if (stagedFiles.Contains(file.Path))
            {
                var target = Path.Combine(output.Root, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(pending, file.Path), target, overwrite: true);
                AfterStep?.Invoke(file.Path);
            }
        }

        foreach (var file in record.Removed ?? [])
        {
            RemoveWithEmptyFolders(output, file);
        }

        if (Directory.Exists(Path.Combine(output.Index, record.IndexGeneration)))
        {
            CorpusIndex.Swap(output.Index, record.IndexGeneration);
            AfterStep?.Invoke(CorpusIndex.PointerFile);
        }

        if (record.Patches is { Count: > 0 } patched)
        {
            // A patched file's size and time are known only now: the record gets them, then the journal goes.
            var done = record with { Files = [.. record.Files, .. patched.Select(p => Describe(Path.Combine(output.Root, p.Path), p.Path))], Patches = null };
            WriteDurably(Path.Combine(output.Index, RecordFile), JsonSerializer.SerializeToUtf8Bytes(done, _json));
            File.Delete(Path.Combine(output.Index, JournalFile));
        }
        else
        {
            File.Move(Path.Combine(output.Index, JournalFile), Path.Combine(output.Index, RecordFile), overwrite: true);
        }

        AfterStep?.Invoke(RecordFile);
        RemoveLeftovers(output, keep: null);
    }

    // A file the journal names as gone, then its folders up to the output folder while they are empty
    // (a removed district's tables/广东省/清远市/). Again after a kill: it is simply not there any more.
    private static void RemoveWithEmptyFolders(OutputLayout output, string relative)
    {
        var path = Path.GetFullPath(Path.Combine(output.Root, relative));
        if (!path.StartsWith(output.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return;
        }

        File.Delete(path);
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > output.Root.TrimEnd(Path.DirectorySeparatorChar).Length
            && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
        {
            Directory.Delete(folder);
        }
    }

    private static void RemoveLeftovers(OutputLayout output, string? keep)
    {
        foreach (var folder in Directory.EnumerateDirectories(output.Index, PendingPrefix + "*"))
        {
            if (Path.GetFileName(folder) != keep)
            {
                TryDelete(folder);
            }
        }
    }

    /// <summary>Removes a staging folder of a build that failed before its journal.</summary>
    public static void Abandon(string pending) => TryDelete(pending);

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next build's Recover tries again.
        }
    }

    // Size and write time, not a hash: hashing targets.jsonl and records.jsonl (hundreds of MB at
    // 3,200 documents) twice per update cost more than the update. Any write sets the time (to the
    // nanosecond here), a move into place keeps it; only an edit that puts the time back goes unseen.
    private static FileRecord Describe(string path, string relative)
    {
        var info = new FileInfo(path);
        return new FileRecord(relative, info.Length, info.LastWriteTimeUtc.Ticks);
    }

    private static bool Matches(string path, FileRecord expected)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length == expected.Size && info.LastWriteTimeUtc.Ticks == expected.ModifiedTicks;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static Record? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Record>(File.ReadAllBytes(path), _json) is { Files: not null, Pending: not null, IndexGeneration: not null } r && r.Files.All(f => f is { Path: not null, ModifiedTicks: > 0 }) ? r : null : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Flushed to the disk before the rename, so a power cut cannot leave a journal naming files it never had.
    private static void WriteDurably(string path, byte[] bytes)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Which outputs of the last build are intact.</summary>
    public sealed record Verified(bool Index, IReadOnlySet<string> Files)
    {
        public static Verified Nothing { get; } = new(false, new HashSet<string>());

        /// <summary>The intact files' size and time as found: a file kept as it is is recorded with them.</summary>
        internal IReadOnlyDictionary<string, FileRecord> Seen { get; init; } = new Dictionary<string, FileRecord>();

        public bool Holds(OutputLayout output, string path) => Files.Contains(RelativePath.Of(output.Root, path));
    }

    /// <summary>
    /// An output updated in place: <see cref="RunsPatch.Blanks"/> overwritten with spaces, the file
    /// cut back to <paramref name="Length"/> and the staged <paramref name="Append"/> (relative to the
    /// staging folder) written after it. Applying it again (a build killed after its journal) gives
    /// the same file.
    /// </summary>
    internal sealed record FilePatch(
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("length")] long Length,
        [property: JsonPropertyName("blanks")] IReadOnlyList<ByteRange> Blanks,
        [property: JsonPropertyName("append")] string Append)
    {
        public void Apply(string path, string appendPath)
        {
            var spaces = new byte[1 << 16];
            Array.Fill(spaces, (byte)' ');
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
            foreach (var blank in Blanks)
            {
                for (var at = blank.Start; at < blank.End; at += spaces.Length)
                {
                    RandomAccess.Write(file, spaces.AsSpan(0, (int)Math.Min(spaces.Length, blank.End - at)), at);
                }
            }

            RandomAccess.SetLength(file, Length);
            using var appended = File.OpenHandle(appendPath);
            var buffer = new byte[1 << 20];
            var offset = Length;
            for (long from = 0; ; )
            {
                var read = RandomAccess.Read(appended, buffer, from);
                if (read == 0)
                {
                    break;
                }

                RandomAccess.Write(file, buffer.AsSpan(0, read), offset);
                (from, offset) = (from + read, offset + read);
            }
        }
    }

    /// <summary>The staging folder's subfolder for lines a patch appends: not files to move in.</summary>
    public const string AppendFolder = ".append";

    internal sealed record FileRecord(
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("size")] long Size,
        [property: JsonPropertyName("modified")] long ModifiedTicks);

    private sealed record Record(
        [property: JsonPropertyName("index")] string IndexGeneration,
        [property: JsonPropertyName("pending")] string Pending,
        [property: JsonPropertyName("files")] IReadOnlyList<FileRecord> Files)
    {
        /// <summary>Files of the last build this one deleted; null in records written before it existed.</summary>
        [JsonPropertyName("removed")]
        public IReadOnlyList<string>? Removed { get; init; }

        /// <summary>Files updated in place; only in a journal (the record lists them as files once done).</summary>
        [JsonPropertyName("patches")]
        public IReadOnlyList<FilePatch>? Patches { get; init; }
    }
}
