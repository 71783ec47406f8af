using PlanExtract.Corpus;
using PlanExtract.Tests.Reading;

namespace PlanExtract.Tests.Corpus;

/// <summary>Every corpus plan, in each format it exists in, placed with no flags where the corpus files it.</summary>
/// <remarks>002 (荔浦市) has no .pdf and 000 (清城区) no .docx among the real fixtures; the .docx of 000 is made here from its text. No .pdf can be made without a CJK font, which the machine lacks.</remarks>
public sealed class IssuerPlacementTests
{
    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "PlanExtract.Tests", "Fixtures", name);

    /// <summary>The corpus folder of each plan, and its versions: the .txt, the real .docx and .pdf fixtures.</summary>
    public static TheoryData<string, string> Versions() => new()
    {
        { "广东省/清远市/清城区", "plans.txt" },
        { "广东省/清远市/清城区", Fixture("000.lo.pdf") },
        { "广东省/清远市/清城区", "docx" },
        { "广西壮族自治区/桂林市/荔浦市", "plans.txt" },
        { "广西壮族自治区/桂林市/荔浦市", Fixture("002.pandoc.docx") },
        { "广东省/清远市", "plans.txt" },
        { "广东省/清远市", Fixture("003.lo.pdf") },
        { "广东省/清远市", Fixture("003.pandoc.docx") },
        { "广东省/深圳市/宝安区", "plans.txt" },
        { "广东省/深圳市/宝安区", Fixture("004.lo.pdf") },
        { "广东省/深圳市/宝安区", Fixture("004.pandoc.docx") },
    };

    /// <summary>
    /// The file to add: a fixture, the corpus .txt, or ("docx") a plain .docx made from the
    /// corpus .txt, one paragraph per line, for a plan with no real .docx fixture.
    /// </summary>
    internal static string FileFor(string folder, string version, string scratch)
    {
        var text = Path.Combine(RepoPaths.Corpus, folder, "plans.txt");
        if (version == "plans.txt")
        {
            return text;
        }

        if (version != "docx")
        {
            return version;
        }

        var builder = new DocxBuilder();
        foreach (var line in File.ReadLines(text))
        {
            builder.Paragraph(line);
        }

        var path = Path.Combine(scratch, folder.Replace('/', '_') + ".docx");
        File.WriteAllBytes(path, builder.Build());
        return path;
    }

    /// <summary>Issue 16: every corpus plan, as .txt, .docx and .pdf, added to an empty corpus with no flags.</summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void AddedToAnEmptyCorpusWithNoFlagsItLandsWhereTheCorpusHasIt(string folder, string version)
    {
        using var temp = new Cli.TempFolder();
        var file = FileFor(folder, version, temp.Path);
        var expected = new CorpusLayout(RepoPaths.Corpus).Load(Path.Combine(RepoPaths.Corpus, folder, CorpusLayout.MetadataFile)).Metadata;
        var corpus = Path.Combine(temp.Path, "empty");
        Directory.CreateDirectory(corpus);

        var (code, _, err) = Cli.CliRunner.Run("add", file, "--corpus", corpus);

        Assert.True(code == 0, err);
        var added = new CorpusLayout(corpus).Documents();
        var document = Assert.Single(added);
        Assert.Equal(folder, Path.GetRelativePath(corpus, document.Folder).Replace(Path.DirectorySeparatorChar, '/'));
        Assert.Equal(expected.Level, document.Metadata.Level);
        Assert.Equal(expected.DisplayName, document.Metadata.DisplayName);
        Assert.Equal(expected.DivisionCode, document.Metadata.DivisionCode);
        Assert.Equal((expected.Province, expected.City, expected.District), (document.Metadata.Province, document.Metadata.City, document.Metadata.District));
    }

    // README: "planextract add 荔浦县妇女儿童发展规划.pdf [--district 荔浦县] [--city 桂林市] [--province 广西壮族自治区]":
    // 荔浦县 became 荔浦市 in 2018 and the 2023 table knows only the new name.
    [Fact]
    public void FormerNameGivenInFullIsFiledWithoutACode()
    {
        var facts = new DocumentFacts("荔浦县", null, null, null, null, []);

        var result = IssuerPlacement.Place(Gazetteer.Default, new IssuerPlacement.Given("荔浦县", "桂林市", "广西壮族自治区"), facts, string.Empty);

        Assert.NotNull(result.Placement);
        Assert.Equal("广西壮族自治区/桂林市/荔浦县", string.Join('/', result.Placement.Folders));
        Assert.Null(result.Placement.Code);
        Assert.Equal("county", result.Placement.LevelName);
        Assert.Contains(result.Candidates, c => c.Code == "450381");
    }

    [Fact]
    public void FormerNameAloneIsRefusedWithTheNearName()
    {
        var facts = new DocumentFacts("荔浦县", null, null, null, null, []);

        var result = IssuerPlacement.Place(Gazetteer.Default, new IssuerPlacement.Given(null, null, null), facts, string.Empty);

        Assert.Null(result.Placement);
        Assert.Contains(result.Candidates, c => c.Code == "450381");
    }

    // Issue 16: "add 荔浦市….docx --province 广西壮族自治区" (or with --city 荔浦市) filed it beside 桂林市.
    [Theory]
    [InlineData(null, "广西壮族自治区")]
    [InlineData("荔浦市", "广西壮族自治区")]
    [InlineData("桂林", null)]
    public void CountyLevelCityNamedAsACityGoesUnderItsPrefecture(string? city, string? province)
    {
        var facts = new DocumentFacts("荔浦市", "荔浦市", null, null, null, []);

        var result = IssuerPlacement.Place(Gazetteer.Default, new IssuerPlacement.Given(null, city, province), facts, string.Empty);

        Assert.True(result.Placement is not null, result.Reason);
        Assert.Equal("广西壮族自治区/桂林市/荔浦市", string.Join('/', result.Placement.Folders));
        Assert.Equal("county", result.Placement.LevelName);
    }

    [Fact]
    public void UnknownPlaceNamedInFullIsFiledWithoutACode()
    {
        var facts = new DocumentFacts(null, null, null, null, null, []);

        var result = IssuerPlacement.Place(Gazetteer.Default, new IssuerPlacement.Given("漳溧区", "安宁平市", "广东省"), facts, string.Empty);

        Assert.NotNull(result.Placement);
        Assert.Equal("广东省/安宁平市/漳溧区", string.Join('/', result.Placement.Folders));
        Assert.Null(result.Placement.Code);
    }

    [Fact]
    public void KnownDistrictUnderTheWrongCityIsRefused()
    {
        var facts = new DocumentFacts(null, null, null, null, null, []);

        var result = IssuerPlacement.Place(Gazetteer.Default, new IssuerPlacement.Given("宝安区", "清远市", "广东省"), facts, string.Empty);

        Assert.Null(result.Placement);
        Assert.Equal("440306", Assert.Single(result.Candidates).Code);
    }
}
