using PlanExtract.Corpus;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Corpus;

public sealed class CorpusRemovalTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("清远市清城区")]
    [InlineData("清城区")]
    [InlineData("广东省/清远市/清城区")]
    [InlineData("441802")]
    public void NameFindsTheOneDistrict(string name)
    {
        var corpus = new CorpusLayout(RepoPaths.Corpus);

        var match = CorpusRemoval.Find(corpus.Documents(), corpus, name);

        Assert.Equal("清远市清城区", Assert.Single(match.Documents).Metadata.DisplayName);
    }

    [Fact]
    public void CityFindsOnlyItsOwnPlan()
    {
        var corpus = new CorpusLayout(RepoPaths.Corpus);

        var match = CorpusRemoval.Find(corpus.Documents(), corpus, "清远市");

        Assert.Equal("清远市", Assert.Single(match.Documents).Metadata.DisplayName);
    }

    [Theory]
    [InlineData("荔浦县", "桂林市荔浦市")]
    [InlineData("清城", "清远市清城区")]
    [InlineData("深圳市宝安", "深圳市宝安区")]
    public void UnknownNameListsTheNearOnes(string name, string near)
    {
        var corpus = new CorpusLayout(RepoPaths.Corpus);

        var match = CorpusRemoval.Find(corpus.Documents(), corpus, name);

        Assert.Empty(match.Documents);
        Assert.Contains(match.Near, d => d.Metadata.DisplayName == near);
    }

    [Fact]
    public void RemovingACityKeepsItsDistrictsAndRemovingTheLastDistrictClearsItsFolders()
    {
        var corpus = new CorpusLayout(_temp.CopyOfCorpus());
        var documents = corpus.Documents();

        CorpusRemoval.Remove(documents.Single(d => d.Metadata.DisplayName == "清远市"), corpus);
        CorpusRemoval.Remove(documents.Single(d => d.Metadata.DisplayName == "桂林市荔浦市"), corpus);

        Assert.True(File.Exists(Path.Combine(corpus.Root, "广东省", "清远市", "清城区", "plans.txt")));
        Assert.False(File.Exists(Path.Combine(corpus.Root, "广东省", "清远市", "plans.txt")));
        Assert.False(Directory.Exists(Path.Combine(corpus.Root, "广西壮族自治区")));
        Assert.Equal(2, corpus.Documents().Count);
    }
}
