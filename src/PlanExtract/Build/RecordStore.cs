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
    private static readonly JsonSerializerOptions _recordJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record RecordLine(
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("tree")] PlanDocument? Tree);

    public static void Write(Stream output, DocumentResult slim)
    {
        JsonSerializer.Serialize(output, new RecordLine(slim.Document.Source, slim.Error, slim.Plans), _recordJson);
        output.WriteByte((byte)'\n');
    }

    /// <summary>
    /// The records of <paramref name="documents"/>, in their order, from the files in
    /// <paramref name="paths"/>; a later line of a document wins (a patch appends a changed
    /// document's new record after its old one). Lines are parsed on every core.
    /// </summary>
    public static List<DocumentResult> Load(IReadOnlyList<string> paths, IReadOnlyList<CorpusDocument> documents)
    {
        var order = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            order[documents[i].Source] = i;
        }

        var lines = paths.SelectMany(File.ReadLines).Select((line, at) => (line, at));
        var parsed = lines.AsParallel()
            .Where(l => !string.IsNullOrWhiteSpace(l.line))
            .Select(l => (Record: JsonSerializer.Deserialize<RecordLine>(l.line, _recordJson), l.at))
            .Where(r => r.Record is not null && order.ContainsKey(r.Record.Source))
            .ToList();
        var latest = new DocumentResult?[documents.Count];
        foreach (var (record, _) in parsed.OrderBy(r => r.at))
        {
            var i = order[record!.Source];
            latest[i] = new DocumentResult(documents[i], record.Tree, record.Error);
        }

        return [.. latest.OfType<DocumentResult>()];
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

    // Up to and with the first 。 or ；: what the measures table calls the heading.
    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['。', '；']);
        return end < 0 ? text : text[..(end + 1)];
    }
}
