using System.Text.Json;

namespace PlanExtract.Build;

/// <summary>
/// A JSON-lines file from the last build (targets.jsonl, records.jsonl) kept as bytes with each
/// document's run of lines located by its top-level "source", so an incremental build copies
/// unchanged documents' lines without parsing or re-serialising them.
/// </summary>
internal sealed class SourceRuns
{
    private readonly byte[] _bytes;
    private readonly Dictionary<string, (int Start, int End, int Count)> _runs;

    private SourceRuns(byte[] bytes, Dictionary<string, (int Start, int End, int Count)> runs)
    {
        _bytes = bytes;
        _runs = runs;
    }

    public static SourceRuns None { get; } = new([], new Dictionary<string, (int, int, int)>(StringComparer.Ordinal));

    public static SourceRuns Load(string path)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        var bytes = File.ReadAllBytes(path);
        var runs = new Dictionary<string, (int Start, int End, int Count)>(StringComparer.Ordinal);
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            end = end < 0 ? bytes.Length : end + 1;
            var source = SourceOf(bytes.AsSpan(start, end - start));
            if (source is not null)
            {
                // A document's lines are written together; a second run of one source means the file was edited, and the document is re-read.
                runs[source] = runs.TryGetValue(source, out var run) && run.End == start ? (run.Start, end, run.Count + 1)
                    : runs.ContainsKey(source) ? (0, 0, -1) : (start, end, 1);
            }

            start = end;
        }

        return new SourceRuns(bytes, runs);
    }

    public int Count(string source) => _runs.TryGetValue(source, out var run) ? run.Count : 0;

    public void CopyTo(string source, Stream output)
    {
        if (_runs.TryGetValue(source, out var run) && run.Count > 0)
        {
            output.Write(_bytes, run.Start, run.End - run.Start);
        }
    }

    private static string? SourceOf(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSource = reader.ValueTextEquals("source"u8);
                reader.Read();
                if (isSource)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
