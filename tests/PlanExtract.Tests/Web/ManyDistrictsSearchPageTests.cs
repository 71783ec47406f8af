using System.Text.RegularExpressions;
using PlanExtract.Benchmarking;
using PlanExtract.Corpus;
using PlanExtract.Tests.Cli;
using PlanExtract.Web.Pages;

namespace PlanExtract.Tests.Web;

/// <summary>
/// The search page over more districts than a page can list (at 3,200 districts it was 640 KB of
/// facet links and options): the districts with most hits, a line for the rest, and a box to
/// type a district into. Synthetic plans of <see cref="SearchPage.DistrictListUpTo"/> + 1 districts.
/// </summary>
public sealed partial class ManyDistrictsSearchPageTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly WebFixture _web;

    public ManyDistrictsSearchPageTests()
    {
        var corpus = Path.Combine(_temp.Path, "corpus");
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(corpus, SearchPage.DistrictListUpTo + 1);
        _web = new WebFixture(corpus);
    }

    [Fact]
    public async Task A_word_in_every_district_shows_the_top_districts_and_counts_the_rest()
    {
        var result = _web.Data.Searcher!.Search(new PlanExtract.Indexing.SearchRequest("妇女"));
        Assert.True(result.ByDistrict.Count > SearchPage.FacetsShown);

        var (status, body) = await _web.Get("/search?q=" + Uri.EscapeDataString("妇女"));
        Assert.Equal(200, status);
        var shown = DistrictFacet().Matches(body).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(result.ByDistrict.Take(SearchPage.FacetsShown).Select(c => $"{c.Key} {c.Value}"), shown);
        var rest = result.ByDistrict.Skip(SearchPage.FacetsShown).ToList();
        Assert.Contains($"另有 {rest.Count} 个，共 {rest.Sum(c => c.Value)} 条", body);
        Assert.DoesNotContain("<select name=\"district\"", body);
        Assert.Contains("<input type=\"search\" name=\"district\"", body);
    }

    public void Dispose()
    {
        _web.Dispose();
        _temp.Dispose();
    }

    [GeneratedRegex("<a href=\"/search\\?q=[^\"]*district=[^\"]*\" class=\"facet\">([^<]+)</a>")]
    private static partial Regex DistrictFacet();
}
