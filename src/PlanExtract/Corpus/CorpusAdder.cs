using System.Security.Cryptography;
using System.Text.Json;
using PlanExtract.Reading;

namespace PlanExtract.Corpus;

public sealed record AddRequest(string File, string? District = null, string? City = null, string? Province = null);

/// <summary>Why a document was not added; <paramref name="Fields"/> are the request fields that would settle it ("city", "district").</summary>
public sealed record AddRefusal(string Reason, params IReadOnlyList<string> Fields)
{
    public override string ToString() => Reason;
}

/// <summary>The outcome of <c>add</c>: where the document went (null when refused), and why.</summary>
public sealed record AddResult(CorpusDocument? Added, ValidationReport Report, DocumentFacts Facts, IReadOnlyList<AddRefusal> Reasons)
{
    public bool Usable => Added is not null;
}

/// <summary>
/// Files a new district plan under corpus/&lt;province&gt;/&lt;city&gt;/&lt;district&gt;/ with its metadata,
/// after reading and validating it. Nothing is written when the document is not usable, when
/// the same bytes are already in the corpus, or when a name would leave the corpus folder.
/// </summary>
public sealed class CorpusAdder(Pipeline pipeline, CorpusLayout corpus)
{
    public AddResult Add(AddRequest request)
    {
        var bytes = DocumentFile.ReadAllBytes(request.File, pipeline.Limits);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var existing = Directory.Exists(corpus.Root) ? corpus.Documents() : [];
        if (existing.FirstOrDefault(d => Sha256Of(d) == hash) is { } same)
        {
            throw new PlanExtractException($"{request.File}: already in the corpus as {same.Source}");
        }

        var blocks = pipeline.Readers.Read(request.File);
        var document = pipeline.Segment(request.File, blocks);
        var facts = DocumentFactsReader.Read(document, blocks);

        var city = request.City ?? facts.City;
        var district = request.District ?? facts.District;
        var province = request.Province ?? existing.Where(d => d.Metadata.City == city).Select(d => d.Metadata.Province).FirstOrDefault(p => p is not null);
        var reasons = new List<AddRefusal>();
        if (city is null)
        {
            reasons.Add(new AddRefusal("cannot tell the issuing city from the text", "city", "district"));
        }

        if (province is null)
        {
            reasons.Add(new AddRefusal("cannot tell the province", "province"));
        }

        foreach (var (field, name) in new[] { ("province", province), ("city", city), ("district", district) })
        {
            if (name is not null && !IsFolderName(name))
            {
                throw new InvalidFieldException(field, $"'{name}' is not a plain name (no '/', '\\', '..' or control characters)", request.File);
            }
        }

        var displayName = (city ?? string.Empty) + (district ?? string.Empty);
        var report = CorpusValidator.Validate(document with { District = displayName.Length > 0 ? displayName : document.District }, indicators: pipeline.Indicators);
        reasons.AddRange(report.Findings.Where(f => f.Severity == Severity.Error).Select(f => new AddRefusal(f.Message)));
        if (reasons.Count > 0)
        {
            return new AddResult(null, report, facts, reasons);
        }

        var folder = Path.GetFullPath(Path.Combine(corpus.Root, province!, city!, district ?? string.Empty));
        if (!folder.StartsWith(corpus.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new PlanExtractException($"{request.File}: the corpus folder for '{displayName}' would lie outside {corpus.Root}");
        }

        var metadataPath = Path.Combine(folder, CorpusLayout.MetadataFile);
        if (File.Exists(metadataPath))
        {
            return new AddResult(null, report, facts, [new AddRefusal($"{displayName} already has a document in the corpus ({corpus.SourceName(metadataPath)}); remove it first to replace it")]);
        }

        var fileName = "plans" + Path.GetExtension(request.File).ToLowerInvariant();
        var metadata = new CorpusMetadata
        {
            Province = province,
            City = city,
            District = district,
            DisplayName = displayName,
            Level = district is null ? "prefecture" : "county",
            Issuer = displayName + "人民政府",
            DocumentNumber = facts.DocumentNumber,
            Date = facts.Date,
            Plans = [.. facts.Titles.Select(t => new CorpusMetadata.PlanTitle(t.Kind == Model.PlanKind.Women ? "women" : "children", t.Title))],
            File = fileName,
            OriginalFile = Path.GetFileName(request.File),
            Sha256 = hash,
        };

        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, fileName), bytes);
        File.WriteAllText(metadataPath, JsonSerializer.Serialize(metadata, CorpusMetadata.JsonOptions) + "\n");
        return new AddResult(corpus.Load(metadataPath), report, facts, []);
    }

    private static string Sha256Of(CorpusDocument document)
    {
        if (document.Metadata.Sha256 is { } known)
        {
            return known;
        }

        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(DocumentFile.ReadAllBytes(document.FilePath)));
        }
        catch (DocumentReadException)
        {
            // A corpus file that cannot be read is that document's problem (build and check name it), not this add's.
            return string.Empty;
        }
    }

    /// <summary>A province, city or district name becomes a folder: it must stay one folder.</summary>
    public static bool IsFolderName(string name) =>
        name.Length is > 0 and <= 40
        && name.Trim() == name
        && name != "." && !name.Contains("..", StringComparison.Ordinal)
        && name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) < 0
        && !name.Any(char.IsControl);
}
