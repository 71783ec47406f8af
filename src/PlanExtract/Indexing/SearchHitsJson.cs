using System.Text.Encodings.Web;
using System.Text.Json;

namespace PlanExtract.Indexing;

/// <summary>Writes search hits as the contract's JSON array (<c>search --format json</c>), best first.</summary>
public static class SearchHitsJson
{
    private static readonly JsonWriterOptions _indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static void Write(Stream stream, SearchResult result)
    {
        using var w = new Utf8JsonWriter(stream, _indented);
        w.WriteStartArray();
        foreach (var hit in result.Hits)
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
            WriteNumber(w, "line", hit.Line);
            WriteNumber(w, "page", hit.Page);
            w.WriteString("kind", hit.Kind);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
