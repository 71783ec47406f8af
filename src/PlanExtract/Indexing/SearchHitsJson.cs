using System.Text.Json;
using PlanExtract.Corpus;

namespace PlanExtract.Indexing;

/// <summary>
/// Writes search hits as JSON: the contract's array (<c>search --format json</c>), best first, and
/// JSON lines (<c>--format jsonl</c>): one hit per line, then one <c>summary</c> line with the
/// totals and the counts by district and domain.
/// </summary>
public static class SearchHitsJson
{
    /// <summary>The <c>kind</c> of the last JSON line: the totals, not a hit.</summary>
    public const string SummaryKind = "summary";

    public static void Write(Stream stream, SearchResult result)
    {
        using var w = new Utf8JsonWriter(stream, RecordJson.Indented);
        w.WriteStartArray();
        foreach (var hit in result.Hits)
        {
            Hit(w, hit);
        }

        w.WriteEndArray();
    }

    public static void WriteLines(Stream stream, SearchResult result)
    {
        foreach (var hit in result.Hits)
        {
            using (var w = new Utf8JsonWriter(stream, RecordJson.Compact))
            {
                Hit(w, hit);
            }

            stream.WriteByte((byte)'\n');
        }

        using (var w = new Utf8JsonWriter(stream, RecordJson.Compact))
        {
            w.WriteStartObject();
            w.WriteString("kind", SummaryKind);
            w.WriteNumber("total", result.TotalHits);
            w.WriteNumber("offset", result.Offset);
            w.WriteNumber("shown", result.Hits.Count);
            Counts(w, "by_district", result.ByDistrict);
            Counts(w, "by_domain", result.ByDomain);
            w.WriteString("relaxed", result.Relaxed);
            w.WriteStartArray("suggestions");
            foreach (var suggestion in result.Suggestions)
            {
                w.WriteStringValue(suggestion);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void Counts(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, int>> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, count) in counts)
        {
            w.WriteNumber(key, count);
        }

        w.WriteEndObject();
    }

    private static void Hit(Utf8JsonWriter w, SearchHit hit)
    {
        w.WriteStartObject();
        w.WriteNumber("score", Math.Round(hit.Score, 4));
        w.WriteString("district", hit.District);
        w.WriteString("plan", hit.Plan);
        w.WriteString("domain", hit.Domain);
        w.WriteString("section", hit.Section);
        w.WriteString("item", hit.Item);
        w.WriteString("text", hit.Text);
        w.WriteString("snippet", hit.Snippet);
        w.WriteString("source", hit.Source);
        w.WriteNumberOrNull("line", hit.Line);
        w.WriteNumberOrNull("page", hit.Page);
        w.WriteString("kind", hit.Kind);
        if (hit.Target is { } target)
        {
            w.WriteString("indicator", target.Indicator);
            w.WriteString("indicator_id", target.IndicatorId);
            w.WriteString("comparator", target.Comparator);
            if (target.Value is { } value && IndexSchema.NumberOf(value) is { } number)
            {
                w.WriteNumber("value", number);
            }
            else
            {
                // A ratio such as 1.5:1 is not one number; it stays as written.
                w.WriteString("value", target.Value);
            }

            w.WriteString("unit", target.Unit);
            w.WriteNumberOrNull("year", target.Year);
        }

        w.WriteEndObject();
    }
}
