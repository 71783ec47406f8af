using System.Text.Encodings.Web;
using System.Text.Json;

namespace PlanExtract.Corpus;

/// <summary>
/// How every JSON record of the library is written: Chinese left as it is (not \u-escaped), and a
/// missing line, page or year as <c>null</c>. Shared here, below Indexing and Reporting, so that the
/// target records, the audit and the search hits cannot drift apart.
/// </summary>
public static class RecordJson
{
    public static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>The serializer's side of <see cref="Compact"/>, for the files written by serializing records (records, runs, manifest).</summary>
    public static readonly JsonSerializerOptions Serializer = ReadOnly(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonSerializerOptions ReadOnly(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, int? value)
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
