using System.Text.Json.Serialization;

namespace PlanExtract.Build;

/// <summary>Bytes [Start, End) of a file.</summary>
internal sealed record ByteRange(
    [property: JsonPropertyName("start")] long Start,
    [property: JsonPropertyName("end")] long End);

/// <summary>
/// How a JSON-lines output (targets.jsonl, records.jsonl) is updated in place instead of rewritten:
/// the lines of documents that left or changed are blanked to spaces, and the changed and new
/// documents' lines are appended. Rewriting 420 MB at 3,200 documents (1.7 GB at 12,800) to add
/// one plan made the add grow with the corpus; this writes what changed.
/// </summary>
/// <remarks>
/// Every line stays one JSON object: a blanked run joins the line before it as trailing spaces (its
/// newline turns into a space, the blanked run's last newline ends the joined line), or, before the
/// first surviving line, the line after it as leading spaces. So the file holds the same records as
/// a full build's, with removed documents' bytes as whitespace and changed documents at the end,
/// until a rewrite (<see cref="Worthwhile"/> fails) puts it back in corpus order, byte for byte.
/// The surviving runs always tile the file: the first starts at 0, each ends where the next starts,
/// the last at the end.
/// </remarks>
/// <param name="Blanks">Ranges to overwrite with spaces.</param>
/// <param name="Kept">The surviving documents' runs as they are after the blanking.</param>
/// <param name="Length">The file's length before the patch: the appended lines start there.</param>
/// <param name="Dead">Blank bytes the file holds after the patch.</param>
internal sealed record RunsPatch(IReadOnlyList<ByteRange> Blanks, IReadOnlyDictionary<string, SourceRuns.Run> Kept, long Length, long Dead)
{
    /// <summary>
    /// Below this length the file is rewritten in corpus order, byte for byte a full build's: the
    /// copy costs less than 0.1 s there (docs/PERFORMANCE.md), and small outputs (the repository's,
    /// the tests') keep the order a reader expects. Tests lower it to patch small files.
    /// </summary>
    public const long PatchAboveBytes = 16L << 20;

    /// <summary>The share of blank bytes past which the next update rewrites the file instead, so the blanks stay below a quarter.</summary>
    public const double MaxDeadShare = 0.25;

    /// <summary>Lower only in tests, per async flow like <see cref="OutputGeneration.AfterStep"/>.</summary>
    internal static long? PatchAboveOverride
    {
        get => _patchAbove.Value;
        set => _patchAbove.Value = value;
    }

    private static readonly AsyncLocal<long?> _patchAbove = new();

    /// <summary>
    /// The patch that keeps the runs of <paramref name="keep"/> and blanks every other run of
    /// <paramref name="previous"/>; null when the file has no surviving line to join the blanks to
    /// (it is then rewritten).
    /// </summary>
    public static RunsPatch? Plan(SourceRuns previous, IReadOnlySet<string> keep)
    {
        var length = previous.Length;
        var survivors = previous.Runs.Where(r => r.End > r.Start && keep.Contains(r.Source)).OrderBy(r => r.Start).ToList();
        if (survivors.Count == 0)
        {
            return null;
        }

        var kept = new Dictionary<string, SourceRuns.Run>(StringComparer.Ordinal);
        foreach (var empty in previous.Runs.Where(r => r.End == r.Start && keep.Contains(r.Source)))
        {
            kept[empty.Source] = empty with { Start = 0, End = 0, Pad = 0 };
        }

        var blanks = new List<ByteRange>();
        var dead = 0L;
        for (var i = 0; i < survivors.Count; i++)
        {
            var run = survivors[i];
            var own = run.End - run.Start - run.Pad;
            var start = i == 0 ? 0 : run.Start;
            var end = i + 1 < survivors.Count ? survivors[i + 1].Start : length;
            if (i == 0 && run.Start > 0)
            {
                // Before the first surviving line: spaces the line then starts with, newlines included.
                blanks.Add(new ByteRange(0, run.Start));
            }

            if (end > run.End)
            {
                // After a surviving line: its newline and the gap become spaces, the gap's last newline ends it.
                blanks.Add(new ByteRange(run.End - 1, end - 1));
            }

            var pad = end - start - own;
            dead += pad;
            kept[run.Source] = run with { Start = start, End = end, Pad = pad };
        }

        return new RunsPatch(blanks, kept, length, dead);
    }

    /// <summary>Whether patching beats rewriting: the file is large enough and would stay at most a quarter blank.</summary>
    public bool Worthwhile => Length >= (PatchAboveOverride ?? PatchAboveBytes) && Dead <= MaxDeadShare * Length;
}
