using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanExtract.Corpus;

/// <summary>A corpus document's <c>meta.json</c>: who issued it and what it holds.</summary>
public sealed record CorpusMetadata
{
    [JsonPropertyName("province")] public string? Province { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("district")] public string? District { get; init; }
    [JsonPropertyName("display_name")] public required string DisplayName { get; init; }
    [JsonPropertyName("level")] public string? Level { get; init; }
    [JsonPropertyName("division_code")] public string? DivisionCode { get; init; }
    [JsonPropertyName("issuer")] public string? Issuer { get; init; }
    [JsonPropertyName("document_number")] public string? DocumentNumber { get; init; }
    [JsonPropertyName("date")] public string? Date { get; init; }
    [JsonPropertyName("plans")] public IReadOnlyList<PlanTitle> Plans { get; init; } = [];
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("original_file")] public string? OriginalFile { get; init; }
    [JsonPropertyName("sha256")] public string? Sha256 { get; init; }
    [JsonPropertyName("notes")] public string? Notes { get; init; }

    public sealed record PlanTitle([property: JsonPropertyName("plan")] string Plan, [property: JsonPropertyName("title")] string Title);

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
