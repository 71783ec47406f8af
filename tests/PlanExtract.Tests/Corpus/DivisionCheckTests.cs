using PlanExtract.Corpus;

namespace PlanExtract.Tests.Corpus;

/// <summary><c>check</c> holds each folder and meta.json against the gazetteer.</summary>
public sealed class DivisionCheckTests
{
    private static readonly CorpusLayout Corpus = new(RepoPaths.Corpus);

    private static IReadOnlyList<Finding> CheckOf(string folder, CorpusMetadata metadata) =>
        DivisionCheck.Check(Gazetteer.Default, folder.Split('/'), metadata);

    private static CorpusMetadata MetadataOf(string folder) =>
        Corpus.Load(Path.Combine(RepoPaths.Corpus, folder, CorpusLayout.MetadataFile)).Metadata;

    [Theory]
    [InlineData("广东省/清远市/清城区")]
    [InlineData("广东省/清远市")]
    [InlineData("广东省/深圳市/宝安区")]
    [InlineData("广西壮族自治区/桂林市/荔浦市")]
    public void CorpusDocumentsAgreeWithTheGazetteer(string folder)
    {
        Assert.Empty(CheckOf(folder, MetadataOf(folder)));
    }

    // Issue 16: "add 荔浦市….docx --province 广西壮族自治区 filed it as 广西壮族自治区/荔浦市/ with
    // level: prefecture … check reports 0 errors".
    [Fact]
    public void CountyLevelCityFiledAsAPrefectureIsAnError()
    {
        var wrong = MetadataOf("广西壮族自治区/桂林市/荔浦市") with { City = "荔浦市", District = null, Level = "prefecture", DivisionCode = null };

        var findings = CheckOf("广西壮族自治区/荔浦市", wrong);

        Assert.Contains(findings, f => f.Severity == Severity.Error && f.Message.Contains("广西壮族自治区/桂林市/荔浦市", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Severity == Severity.Error && f.Message.Contains("level 'prefecture'", StringComparison.Ordinal));
    }

    [Fact]
    public void CodeOfAnotherDivisionIsAnError()
    {
        var wrong = MetadataOf("广东省/清远市/清城区") with { DivisionCode = "441803" };

        var findings = CheckOf("广东省/清远市/清城区", wrong);

        Assert.Contains(findings, f => f.Severity == Severity.Error && f.Message.Contains("广东省/清远市/清新区", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingCodeIsAWarningThatNamesIt()
    {
        var old = MetadataOf("广东省/深圳市/宝安区") with { DivisionCode = null };

        var finding = Assert.Single(CheckOf("广东省/深圳市/宝安区", old));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("440306", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormerNameFiledInFullIsAWarningWithTheNearName()
    {
        var former = MetadataOf("广西壮族自治区/桂林市/荔浦市") with { District = "荔浦县", DisplayName = "桂林市荔浦县", DivisionCode = null };

        var finding = Assert.Single(CheckOf("广西壮族自治区/桂林市/荔浦县", former));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("450381", finding.Message, StringComparison.Ordinal);
    }
}
