using PlanExtract.Model;

namespace PlanExtract.Corpus;

/// <summary>Where a plan is filed: its folders below the corpus root, its level and division code.</summary>
/// <param name="Code">The GB/T 2260 code; null only for a name the gazetteer lacks that the user gave in full.</param>
public sealed record Placement(string Province, string? City, string? District, DivisionLevel Level, string? Code, string DisplayName)
{
    public IReadOnlyList<string> Folders => [.. new[] { Province, City, District }.OfType<string>()];

    public string LevelName => Division.LevelName(Level);

    public static Placement Of(DivisionPlace place) => new(
        place.Province.Name,
        place.Level == DivisionLevel.Province ? null : place.Prefecture?.Name,
        place.County,
        place.Level,
        place.Code,
        place.DisplayName);
}

/// <summary>The outcome of placing an issuer: a placement, or the reason and the candidates to choose from.</summary>
public sealed record PlacementResult(Placement? Placement, string? Reason, IReadOnlyList<DivisionPlace> Candidates, bool Ambiguous = false);

/// <summary>
/// Places a new plan by what the user said (the <c>district</c>, <c>city</c>, <c>province</c>
/// fields) and what the plan says (the issuer in its title, the cover notice), through the
/// gazetteer. "荔浦市妇女发展规划" names a county-level city: it goes under 桂林市 with level county,
/// not beside 桂林市 as a prefecture.
/// </summary>
public static class IssuerPlacement
{
    /// <summary>What the user said: any of district, city and province, each may be null.</summary>
    public sealed record Given(string? District, string? City, string? Province);

    public static PlacementResult Place(Gazetteer gazetteer, Given request, DocumentFacts facts, string context)
    {
        // The user's names win over the title's; with neither a district nor a city given, the
        // title's issuer is the name, and the user's province or city only narrow it.
        var written = request.District ?? facts.Issuer ?? request.City;
        if (written is null)
        {
            return new PlacementResult(null, "no issuer in the plan title", []);
        }

        var hints = new DivisionHints(request.Province, request.City, (facts.Issuer ?? string.Empty) + "\n" + context);
        var resolution = gazetteer.Resolve(written, hints);
        if (resolution.Place is { } place)
        {
            return new PlacementResult(Placement.Of(place), null, []);
        }

        // A district the 2023 table does not know (a county since renamed: 荔浦县 before 2018; a
        // made-up place of the bench) is filed as the user spelled it when the user names it with
        // its city and a province the table knows, and the names clash with no known division.
        if (request.District is { } district && request.City is { } city && request.Province is { } provinceName
            && resolution.Candidates.All(c => c.Division.Name != district)
            && OuterPlacement(gazetteer, city, provinceName) is { } outer)
        {
            return new PlacementResult(outer with { District = district, Level = DivisionLevel.County, Code = null, DisplayName = outer.DisplayName + district }, null, resolution.Candidates);
        }

        return new PlacementResult(null, resolution.Reason, resolution.Candidates, resolution.Ambiguous);
    }

    /// <summary>The city a user names, placed: a prefecture of the table inside the province, or one the table does not know at all.</summary>
    private static Placement? OuterPlacement(Gazetteer gazetteer, string city, string provinceName)
    {
        if (gazetteer.Resolve(provinceName).Place is not { Level: DivisionLevel.Province } province)
        {
            return null;
        }

        var resolution = gazetteer.Resolve(city, new DivisionHints(provinceName));
        if (resolution.Place is { Level: DivisionLevel.Prefecture } prefecture)
        {
            return Placement.Of(prefecture);
        }

        return resolution.Place is null && resolution.Candidates.All(c => c.Division.Name != city)
            ? new Placement(province.Province.Name, city, null, DivisionLevel.Prefecture, null, city)
            : null;
    }

    /// <summary>The opening of a document, where the cover notice names the issuer in full ("福州市鼓楼区人民政府关于印发…").</summary>
    public static string Opening(IReadOnlyList<SourceBlock> blocks)
    {
        const int OpeningLength = 4000;
        var text = new System.Text.StringBuilder();
        foreach (var block in blocks)
        {
            if (text.Length >= OpeningLength)
            {
                break;
            }

            text.Append(block.Text).Append('\n');
        }

        return text.ToString();
    }
}
