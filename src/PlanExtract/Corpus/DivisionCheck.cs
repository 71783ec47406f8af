namespace PlanExtract.Corpus;

/// <summary>
/// Holds a corpus folder and its meta.json against the gazetteer. The case it exists for:
/// 荔浦市 filed as <c>广西壮族自治区/荔浦市/</c> with <c>level: prefecture</c> passed every check,
/// while the gazetteer has it under 桂林市 (450381, a county-level city).
/// </summary>
public static class DivisionCheck
{
    /// <param name="folders">The document's folders below the corpus root (广东省, 清远市, 清城区).</param>
    /// <param name="metadata">Its meta.json.</param>
    public static IReadOnlyList<Finding> Check(Gazetteer gazetteer, IReadOnlyList<string> folders, CorpusMetadata metadata)
    {
        var findings = new List<Finding>();
        var filed = string.Join('/', folders);
        var code = metadata.DivisionCode;
        DivisionPlace? place;
        if (code is not null)
        {
            place = gazetteer.PlaceOf(code);
            if (place is null)
            {
                return [new Finding(Severity.Error, $"division_code {code} is not in the gazetteer")];
            }
        }
        else
        {
            var resolution = gazetteer.Resolve(string.Concat(folders));
            place = resolution.Place;
            if (place is null)
            {
                // A name the 2023 table lacks, given in full when the plan was added (荔浦县, renamed 2018).
                var near = resolution.Candidates.Count == 0 ? string.Empty : $" (near: {string.Join(", ", resolution.Candidates.Take(4))})";
                return [new Finding(Severity.Warning, $"{filed} is not in the gazetteer and meta.json has no division_code{near}")];
            }

            findings.Add(new Finding(Severity.Warning, $"meta.json has no division_code: the gazetteer has {filed} as {place.Code}"));
        }

        var expected = Placement.Of(place);
        var where = string.Join('/', expected.Folders);
        if (where != filed)
        {
            findings.Add(new Finding(Severity.Error, $"filed as {filed}, the gazetteer has {where} ({place.Code}, {place.LevelName}): remove it and add it again"));
        }

        if (metadata.Level != expected.LevelName)
        {
            findings.Add(new Finding(Severity.Error, $"meta.json level '{metadata.Level}', the gazetteer has {where} as {expected.LevelName}"));
        }

        foreach (var (field, written, wanted) in new[] { ("province", metadata.Province, expected.Province), ("city", metadata.City, expected.City), ("district", metadata.District, expected.District) })
        {
            if (written != wanted)
            {
                findings.Add(new Finding(Severity.Error, $"meta.json {field} '{written ?? "null"}', the gazetteer has '{wanted ?? "null"}' for {place.Code}"));
            }
        }

        return findings;
    }
}
