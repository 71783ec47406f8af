using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanExtract.Indicators;

/// <summary>A value a higher-level plan sets for the indicator, entered by a maintainer with its source.</summary>
public sealed record ReferenceValue
{
    [JsonPropertyName("comparator")] public required string Comparator { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("unit")] public string? Unit { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
}

/// <summary>One canonical indicator: its name (the id records carry), where it belongs and how it is written.</summary>
public sealed record IndicatorDefinition
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("plan")] public string? Plan { get; init; }
    [JsonPropertyName("domain")] public string? Domain { get; init; }
    [JsonPropertyName("unit")] public string? Unit { get; init; }

    /// <summary><c>higher</c> or <c>lower</c>: which way a stricter target points.</summary>
    [JsonPropertyName("better")] public string? Better { get; init; }

    [JsonPropertyName("aliases")] public IReadOnlyList<string> Aliases { get; init; } = [];
    [JsonPropertyName("references")] public IReadOnlyList<ReferenceValue> References { get; init; } = [];

    public bool LowerIsBetter => string.Equals(Better, "lower", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The indicator catalog, <c>corpus/indicators.json</c>: data a maintainer edits, not code. Besides the
/// indicators it lists the scope and population words a written name may carry without naming
/// another indicator, and the OCR look-alike characters to fold.
/// </summary>
public sealed record IndicatorCatalog
{
    public const string FileName = "indicators.json";

    [JsonPropertyName("drop_prefixes")] public IReadOnlyList<string> DropPrefixes { get; init; } = [];
    [JsonPropertyName("drop_words")] public IReadOnlyList<string> DropWords { get; init; } = [];
    [JsonPropertyName("lookalikes")] public IReadOnlyDictionary<string, string> Lookalikes { get; init; } = new Dictionary<string, string>();
    [JsonPropertyName("indicators")] public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];

    public static IndicatorCatalog Empty { get; } = new();

    public IndicatorDefinition? Find(string? id) => id is null ? null : Indicators.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));

    /// <summary>Reads a catalog file; a broken one is bad input naming the file.</summary>
    public static IndicatorCatalog Load(string path)
    {
        try
        {
            RegularFile.Check(path);
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(path, $"unreadable indicator catalog: {e.Message}", e);
        }
    }

    /// <summary>The catalog of a corpus folder (<c>DIR/indicators.json</c>), or null when it has none.</summary>
    public static IndicatorCatalog? ForCorpus(string corpusRoot)
    {
        var path = Path.Combine(corpusRoot, FileName);
        return File.Exists(path) ? Load(path) : null;
    }

    public static IndicatorCatalog Parse(string json, string name)
    {
        IndicatorCatalog? catalog;
        try
        {
            catalog = JsonSerializer.Deserialize<IndicatorCatalog>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new DocumentReadException(name, $"unreadable indicator catalog: {e.Message}", e);
        }

        if (catalog is null)
        {
            throw new DocumentReadException(name, "the indicator catalog is empty");
        }

        catalog = WithoutNullLists(catalog);
        var nulls = NullEntries(catalog).ToList();
        if (nulls.Count > 0)
        {
            throw new DocumentReadException(name, "null entries in the indicator catalog: " + string.Join("; ", nulls.Take(10)));
        }

        var problems = catalog.Indicators
            .Where(i => string.IsNullOrWhiteSpace(i.Id)).Select(_ => "an indicator without an id")
            .Concat(catalog.Indicators.GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"indicator {g.Key} listed twice"))
            .Concat(catalog.Indicators.Where(i => i.Better is not null and not "higher" and not "lower").Select(i => $"{i.Id}: better must be higher or lower"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new DocumentReadException(name, string.Join("; ", problems));
        }

        return catalog;
    }

    // A list written as null is an empty list: "aliases": null says the indicator has none.
    // The compiler trusts the non-nullable types; JSON does not honour them.
    private static IndicatorCatalog WithoutNullLists(IndicatorCatalog catalog) => catalog with
    {
        DropPrefixes = catalog.DropPrefixes ?? [],
        DropWords = catalog.DropWords ?? [],
        Lookalikes = catalog.Lookalikes ?? new Dictionary<string, string>(),
        Indicators = [.. (catalog.Indicators ?? []).Select(i => i is null ? null! : i with
        {
            Aliases = i.Aliases ?? [],
            References = i.References ?? [],
        })],
    };

    /// <summary>A null inside a list has no sensible meaning (a missing alias? a missing indicator?): each is named.</summary>
    private static IEnumerable<string> NullEntries(IndicatorCatalog catalog)
    {
        foreach (var (list, values) in new[] { ("drop_prefixes", catalog.DropPrefixes), ("drop_words", catalog.DropWords) })
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is null)
                {
                    yield return FormattableString.Invariant($"{list}[{i}] is null");
                }
            }
        }

        foreach (var (key, value) in catalog.Lookalikes)
        {
            if (value is null)
            {
                yield return $"lookalikes \"{key}\" is null";
            }
        }

        for (var i = 0; i < catalog.Indicators.Count; i++)
        {
            var indicator = catalog.Indicators[i];
            if (indicator is null)
            {
                yield return FormattableString.Invariant($"indicators[{i}] is null");
                continue;
            }

            var name = indicator.Id ?? FormattableString.Invariant($"indicators[{i}]");
            for (var a = 0; a < indicator.Aliases.Count; a++)
            {
                if (indicator.Aliases[a] is null)
                {
                    yield return FormattableString.Invariant($"{name}: aliases[{a}] is null");
                }
            }

            for (var r = 0; r < indicator.References.Count; r++)
            {
                if (indicator.References[r] is not { Comparator: not null, Source: not null })
                {
                    yield return FormattableString.Invariant($"{name}: references[{r}] is null or lacks comparator or source");
                }
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
