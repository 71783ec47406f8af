using PlanExtract.Corpus;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Win32.SafeHandles;

namespace PlanExtract.Build;

/// <summary>
/// A JSON-lines file from the last build (targets.jsonl, records.jsonl) with each document's run
/// of lines located by the list its build wrote beside it (<c>index/…runs</c>), so an update
/// copies unchanged documents' lines by byte range: no parsing, no re-serialising, and never the
/// whole file in memory (hundreds of MB at 3,200 documents).
/// </summary>
internal sealed class SourceRuns : IDisposable
{

    private readonly SafeFileHandle? _file;
    private readonly Dictionary<string, Run> _runs;
    private readonly byte[] _buffer = [];

    private SourceRuns(SafeFileHandle? file, Dictionary<string, Run> runs, long length)
    {
        _file = file;
        _runs = runs;
        Length = length;
        if (file is not null)
        {
            _buffer = new byte[1 << 20];
        }
    }

    public static SourceRuns None { get; } = new(null, new Dictionary<string, Run>(StringComparer.Ordinal), 0);

    /// <summary>The file's length when loaded; 0 for <see cref="None"/>.</summary>
    public long Length { get; }

    /// <summary>Whether the file and its runs were loaded (an update can then patch the file in place).</summary>
    public bool Loaded => _file is not null;

    /// <summary>Every document's run as listed.</summary>
    public IEnumerable<Run> Runs => _runs.Values;

    /// <summary>
    /// The runs of <paramref name="path"/> as listed in <paramref name="runsPath"/>; none when either
    /// is missing, the list unreadable or reaching past the file's end (its documents are then re-read).
    /// The caller has checked both are as the last build wrote them.
    /// </summary>
    public static SourceRuns Load(string path, string runsPath)
    {
        if (!File.Exists(path) || !File.Exists(runsPath))
        {
            return None;
        }

        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines(runsPath))
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<Run>(line, RecordJson.Serializer) is { Source: not null } run)
                {
                    runs[run.Source] = run;
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return None;
        }

        var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        if (runs.Values.Any(r => r.Start < 0 || r.End < r.Start || r.End > length))
        {
            file.Dispose();
            return None;
        }

        return new SourceRuns(file, runs, length);
    }

    /// <summary>How many lines the document has in the file; 0 when none or not listed.</summary>
    public int Count(string source) => _runs.TryGetValue(source, out var run) ? run.Count : 0;

    public void CopyTo(string source, Stream output)
    {
        if (_file is null || !_runs.TryGetValue(source, out var run))
        {
            return;
        }

        if (run.Pad == 0)
        {
            Copy(source, run.Start, run.End, output);
            return;
        }

        // A run that took over blanks (RunsPatch) is copied as its own lines: the spaces before its
        // first line and after its last are left out, and its last newline (made a space) put back.
        var start = run.Start;
        for (var read = 0; start < run.End && (read = RandomAccess.Read(_file, _buffer.AsSpan(0, (int)Math.Min(_buffer.Length, run.End - start)), start)) > 0;)
        {
            var lead = _buffer.AsSpan(0, read).IndexOfAnyExcept((byte)' ', (byte)'\n');
            if (lead >= 0)
            {
                start += lead;
                break;
            }

            start += read;
        }

        var own = run.End - run.Start - run.Pad;
        Copy(source, start, start + own - 1, output);
        output.WriteByte((byte)'\n');
    }

    private void Copy(string source, long from, long to, Stream output)
    {
        for (var at = from; at < to;)
        {
            var read = RandomAccess.Read(_file!, _buffer.AsSpan(0, (int)Math.Min(_buffer.Length, to - at)), at);
            if (read == 0)
            {
                throw new IOException($"{source}: the last build's output ended early");
            }

            output.Write(_buffer, 0, read);
            at += read;
        }
    }

    public void Dispose() => _file?.Dispose();

    /// <summary>
    /// One document's lines: bytes [Start, End) of the file, Count lines. <paramref name="Pad"/> of
    /// those bytes are blanks it took over from documents an in-place update removed (<see cref="RunsPatch"/>).
    /// </summary>
    internal sealed record Run(
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("start")] long Start,
        [property: JsonPropertyName("end")] long End,
        [property: JsonPropertyName("count")] int Count,
        [property: JsonPropertyName("pad")] long Pad = 0);

    /// <summary>Notes where each document's lines go as a build writes a JSON-lines output, and writes the list for the next build.</summary>
    /// <param name="offset">Where <paramref name="output"/> starts in the file the runs describe: the old length when it is appended to it.</param>
    public sealed class Recorder(Stream output, long offset = 0)
    {
        private readonly List<Run> _written = [];

        /// <summary>Writes one document's lines through <paramref name="write"/> and notes their run.</summary>
        public void Write(string source, int count, Action<Stream> write)
        {
            var start = output.Position;
            write(output);
            _written.Add(new Run(source, offset + start, offset + output.Position, count));
        }

        /// <summary>Notes a run the file already has (an in-place update keeps it where it is).</summary>
        internal void Keep(Run run) => _written.Add(run);

        public void Save(string runsPath)
        {
            using var writer = new StreamWriter(runsPath, append: false, new System.Text.UTF8Encoding(false));
            foreach (var run in _written)
            {
                writer.Write(JsonSerializer.Serialize(run, RecordJson.Serializer));
                writer.Write('\n');
            }
        }
    }
}
