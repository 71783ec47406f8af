namespace PlanExtract.Corpus;

/// <summary>The three levels a plan can be issued at, as <c>meta.json</c> spells them.</summary>
public enum DivisionLevel
{
    Province,
    Prefecture,
    County,
}

/// <summary>One row of the gazetteer: a GB/T 2260 division (440000 广东省, 441800 清远市, 441802 清城区).</summary>
public sealed record Division(string Code, string Name, DivisionLevel Level, string? ParentCode)
{
    /// <summary>The municipalities (北京市, 天津市, 上海市, 重庆市) are provinces whose name ends in 市.</summary>
    public bool IsMunicipality => Level == DivisionLevel.Province && Name.EndsWith('市');

    public static string LevelName(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => "province",
        DivisionLevel.Prefecture => "prefecture",
        _ => "county",
    };

    public static DivisionLevel? ParseLevel(string? name) => name switch
    {
        "province" => DivisionLevel.Province,
        "prefecture" => DivisionLevel.Prefecture,
        "county" => DivisionLevel.County,
        _ => null,
    };
}

/// <summary>
/// A division with its ancestors: 荔浦市 is 广西壮族自治区 / 桂林市 / 荔浦市, county level. A
/// municipality's district (北京市朝阳区) and a county-level city a province governs directly
/// (湖北省仙桃市) have no prefecture.
/// </summary>
public sealed record DivisionPlace(Division Division, Division Province, Division? Prefecture)
{
    public string Code => Division.Code;

    public DivisionLevel Level => Division.Level;

    public string LevelName => Division.LevelName(Division.Level);

    public string? County => Division.Level == DivisionLevel.County ? Division.Name : null;

    /// <summary>The folders below the corpus root: 广东省/清远市/清城区, 北京市/朝阳区, 广东省.</summary>
    public IReadOnlyList<string> Folders => [.. new[] { Province.Name, Prefecture?.Name, County }.OfType<string>()];

    /// <summary>How tables and records name the issuer: 清远市清城区, 桂林市荔浦市, 北京市朝阳区, 仙桃市, 清远市.</summary>
    public string DisplayName => Division.Level switch
    {
        DivisionLevel.Province => Province.Name,
        DivisionLevel.Prefecture => Division.Name,
        _ => (Prefecture?.Name ?? (Province.IsMunicipality ? Province.Name : string.Empty)) + Division.Name,
    };

    /// <summary>The full written path, for messages: 广西壮族自治区桂林市荔浦市 (450381, county).</summary>
    public override string ToString() =>
        $"{string.Concat(Folders.Distinct())} ({Code}, {LevelName})";
}
