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
    private static readonly JsonSerializerOptions _json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SafeFileHandle? _file;
    private readonly Dictionary<string, Run> _runs;
    private readonly byte[] _buffer = [];

    private SourceRuns(SafeFileHandle? file, Dictionary<string, Run> runs)
    {
        _file = file;
        _runs = runs;
        if (file is not null)
        {
            _buffer = new byte[1 << 20];
        }
    }

    public static SourceRuns None { get; } = new(null, new Dictionary<string, Run>(StringComparer.Ordinal));

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
                if (line.Length > 0 && JsonSerializer.Deserialize<Run>(line, _json) is { Source: not null } run)
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

        return new SourceRuns(file, runs);
    }

    /// <summary>How many lines the document has in the file; 0 when none or not listed.</summary>
    public int Count(string source) => _runs.TryGetValue(source, out var run) ? run.Count : 0;

    public void CopyTo(string source, Stream output)
    {
        if (_file is null || !_runs.TryGetValue(source, out var run))
        {
            return;
        }

        for (var at = run.Start; at < run.End;)
        {
            var read = RandomAccess.Read(_file, _buffer.AsSpan(0, (int)Math.Min(_buffer.Length, run.End - at)), at);
            if (read == 0)
            {
                throw new IOException($"{source}: the last build's output ended early");
            }

            output.Write(_buffer, 0, read);
            at += read;
        }
    }

    public void Dispose() => _file?.Dispose();

    /// <summary>One document's lines: bytes [Start, End) of the file, Count lines.</summary>
    private sealed record Run(
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("start")] long Start,
        [property: JsonPropertyName("end")] long End,
        [property: JsonPropertyName("count")] int Count);

    /// <summary>Notes where each document's lines go as a build writes a JSON-lines output, and writes the list for the next build.</summary>
    public sealed class Recorder(FileStream output)
    {
        private readonly List<Run> _written = [];

        /// <summary>Writes one document's lines through <paramref name="write"/> and notes their run.</summary>
        public void Write(string source, int count, Action<Stream> write)
        {
            var start = output.Position;
            write(output);
            _written.Add(new Run(source, start, output.Position, count));
        }

        public void Save(string runsPath)
        {
            using var writer = new StreamWriter(runsPath, append: false, new System.Text.UTF8Encoding(false));
            foreach (var run in _written)
            {
                writer.Write(JsonSerializer.Serialize(run, _json));
                writer.Write('\n');
            }
        }
    }
}
