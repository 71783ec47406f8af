using System.Text;
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

    /// <summary>A meta.json is a page of fields; anything this large is not one.</summary>
    private const long MaxBytes = 1024 * 1024;

    /// <summary>
    /// Reads and checks one meta.json. Wrong types and broken JSON are bad input naming the file;
    /// a null list of plans is no plans; a <c>file</c> must name a file beside the meta.json.
    /// </summary>
    public static CorpusMetadata Read(string path)
    {
        CorpusMetadata? meta;
        try
        {
            RegularFile.Check(path);
            if (new FileInfo(path).Length > MaxBytes)
            {
                throw new DocumentReadException(path, "unreadable metadata: larger than 1 MB, not a meta.json");
            }

            meta = JsonSerializer.Deserialize<CorpusMetadata>(System.IO.File.ReadAllText(path), JsonOptions);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new DocumentReadException(path, $"unreadable metadata: {e.Message}", e);
        }

        if (meta is null || string.IsNullOrWhiteSpace(meta.DisplayName) || string.IsNullOrWhiteSpace(meta.File))
        {
            throw new DocumentReadException(path, "metadata lacks display_name or file");
        }

        if (meta.File != Path.GetFileName(meta.File) || meta.File is "." or ".." || meta.File.Any(char.IsControl))
        {
            throw new DocumentReadException(path, $"metadata file \"{meta.File}\" must name a file in the same folder as meta.json");
        }

        // "plans": null, or a null entry, is a list with nothing to say.
        return meta with { Plans = [.. (meta.Plans ?? []).Where(p => p is not null && p.Plan is not null && p.Title is not null)] };
    }

    /// <summary>What stands for the metadata of a document whose meta.json cannot be read: the folder's name.</summary>
    public static CorpusMetadata Unreadable(string folder) => new() { DisplayName = Path.GetFileName(folder), File = CorpusLayout.MetadataFile };

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
