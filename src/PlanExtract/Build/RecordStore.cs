using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using PlanExtract.Corpus;
using PlanExtract.Model;

namespace PlanExtract.Build;

/// <summary>
/// <c>index/records.jsonl</c>: one line per document, its <see cref="Slim"/> tree, so the tables of
/// an incremental build need not re-read the documents that did not change.
/// </summary>
internal static class RecordStore
{
    private sealed record RecordLine(
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("tree")] PlanDocument? Tree);

    public static void Write(Stream output, DocumentResult slim)
    {
        JsonSerializer.Serialize(output, new RecordLine(slim.Document.Source, slim.Error, slim.Plans), RecordJson.Serializer);
        output.WriteByte((byte)'\n');
    }

    /// <summary>
    /// The records of <paramref name="documents"/>, in their order, from the files in
    /// <paramref name="paths"/>; a later line of a document wins (a patch appends a changed
    /// document's new record after its old one). Lines are parsed on every core, a block at a time.
    /// </summary>
    /// <param name="trim">Cuts each tree down further as it is parsed (to what one reader needs), so the whole never sits in memory.</param>
    /// <param name="shareStrings">
    /// One string per distinct short value (<see cref="SharedStrings"/>), for a reader that keeps
    /// the trees while it works; a build that only passes them on is left its faster parse.
    /// </param>
    public static List<DocumentResult> Load(IReadOnlyList<string> paths, IReadOnlyList<CorpusDocument> documents, Func<PlanDocument, PlanDocument>? trim = null, bool shareStrings = false) =>
        Load(paths, documents, 8 << 20, trim, shareStrings);

    /// <param name="blockSize">Bytes read at a time (tests make it small to cross lines over blocks).</param>
    internal static List<DocumentResult> Load(IReadOnlyList<string> paths, IReadOnlyList<CorpusDocument> documents, int blockSize, Func<PlanDocument, PlanDocument>? trim = null, bool shareStrings = false)
    {
        var json = shareStrings ? new JsonSerializerOptions(RecordJson.Serializer) { Converters = { new SharedStrings() } } : RecordJson.Serializer;
        var order = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            order[documents[i].Source] = i;
        }

        var latest = new DocumentResult?[documents.Count];
        foreach (var path in paths)
        {
            foreach (var block in Blocks(path, blockSize))
            {
                // Parsed from the UTF-8 bytes: through strings the text was decoded, then encoded again by the parser.
                var parsed = new RecordLine?[block.Lines.Count];
                Parallel.For(0, block.Lines.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                {
                    var (start, length) = block.Lines[i];
                    var record = JsonSerializer.Deserialize<RecordLine>(block.Bytes.AsSpan(start, length), json);
                    parsed[i] = trim is not null && record?.Tree is { } tree ? record with { Tree = trim(tree) } : record;
                });
                foreach (var record in parsed)
                {
                    if (record is not null && order.TryGetValue(record.Source, out var i))
                    {
                        latest[i] = new DocumentResult(documents[i], record.Tree, record.Error);
                    }
                }
            }
        }

        return [.. latest.OfType<DocumentResult>()];
    }

    /// <summary>
    /// Reads each distinct short string once, on every core at once. A target's plan, domain,
    /// section, indicator, comparator, unit and source repeat across its document and the corpus,
    /// and every parsed copy lived as long as the table showing it: in a heap dump of the
    /// country's xlsx at 3,200 documents, 5.6 million strings (123 MB) were the largest type.
    /// </summary>
    internal sealed class SharedStrings : JsonConverter<string>
    {
        /// <summary>Longer strings (a target's sentence) are seldom repeated: not worth a lookup.</summary>
        private const int Longest = 64;

        private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // UTF-8 takes at least a byte a character, so a value of up to Longest bytes fits the buffer decoded.
            var bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (reader.TokenType != JsonTokenType.String || bytes > Longest)
            {
                return reader.GetString();
            }

            Span<char> buffer = stackalloc char[Longest];
            var text = buffer[..reader.CopyString(buffer)];
            var lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var shared))
            {
                return shared;
            }

            var made = text.ToString();
            return _pool.GetOrAdd(made, made);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }

    /// <summary>One document's record from its line (spaces and a newline around it allowed); null when the line is no record of it.</summary>
    public static DocumentResult? Parse(ReadOnlySpan<byte> line, CorpusDocument document) =>
        JsonSerializer.Deserialize<RecordLine>(line.Trim(" \t\r\n"u8), RecordJson.Serializer) is { } record && record.Source == document.Source
            ? new DocumentResult(document, record.Tree, record.Error)
            : null;

    /// <summary>The file in blocks of whole lines (about <paramref name="blockSize"/> bytes each, more for a longer line); blank lines (a patch's) left out.</summary>
    private static IEnumerable<(byte[] Bytes, List<(int Start, int Length)> Lines)> Blocks(string path, int blockSize)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[blockSize];
        var filled = 0;
        while (true)
        {
            var read = file.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var end = read == 0 ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (end == 0 && read > 0)
            {
                // No whole line yet: read on, into a larger buffer when a line is longer than it.
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                continue;
            }

            var lines = new List<(int, int)>();
            for (var at = 0; at < end;)
            {
                var next = buffer.AsSpan(at, end - at).IndexOf((byte)'\n');
                var length = next < 0 ? end - at : next;
                if (!buffer.AsSpan(at, length).Trim(" \t\r"u8).IsEmpty)
                {
                    lines.Add((at, length));
                }

                at += length + 1;
            }

            yield return (buffer, lines);
            if (read == 0)
            {
                yield break;
            }

            // The block's lines are parsed before the next read reuses the buffer; its unfinished line moves to the front.
            buffer.AsSpan(end, filled - end).CopyTo(buffer);
            filled -= end;
        }
    }

    /// <summary>
    /// A document cut down to what the tables read: items with targets, and measure items (the
    /// measures table aligns their headings), each item's text cut to its first sentence. The full
    /// trees of a country-scale corpus would not fit the memory budget.
    /// </summary>
    public static DocumentResult Slim(DocumentResult result)
    {
        if (result.Plans is null)
        {
            return result;
        }

        static Item Cut(Item item) => item with { Text = FirstSentence(item.Text), Lines = [] };
        static Section Keep(Section section) => section with
        {
            Items = [.. section.Items.Where(i => i.Targets.Count > 0 || section.Kind == SectionKind.Measure).Select(Cut)],
        };

        var plans = result.Plans.Plans.Select(p => p with
        {
            Sections = [.. p.Sections.Select(Keep)],
            Domains = [.. p.Domains.Select(d => d with { Sections = [.. d.Sections.Select(Keep)] })],
            Projects = [.. p.Projects.Where(i => i.Targets.Count > 0).Select(Cut)],
        });
        return result with { Plans = result.Plans with { Plans = [.. plans] } };
    }

    /// <summary>
    /// What the cross tables read of a tree: the plans of <paramref name="plan"/>'s kind (every kind
    /// when null), every domain (their order is the tables'), the items that have targets.
    /// </summary>
    public static Func<PlanDocument, PlanDocument> ForCrossTables(PlanKind? plan)
    {
        static IReadOnlyList<Section> Keep(IReadOnlyList<Section> sections) =>
            [.. sections.Select(s => s with { Items = [.. s.Items.Where(i => i.Targets.Count > 0)] })];

        return tree => tree with
        {
            Plans = [.. tree.Plans.Where(p => plan is null || p.Kind == plan).Select(p => p with
            {
                Sections = Keep(p.Sections),
                Domains = [.. p.Domains.Select(d => d with { Sections = Keep(d.Sections) })],
            })],
        };
    }

    // Up to and with the first 。 or ；: what the measures table calls the heading.
    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['。', '；']);
        return end < 0 ? text : text[..(end + 1)];
    }
}
