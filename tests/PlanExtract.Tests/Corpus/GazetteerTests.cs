using PlanExtract.Corpus;

namespace PlanExtract.Tests.Corpus;

public sealed class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    public static TheoryData<string, string, string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var row in SpecTable.Read("gazetteer.md"))
        {
            data.Add(row[0], row[1], row[2], row[3], row[4], row[5]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void ResolvesAsAnnotated(string written, string province, string city, string folders, string code, string level)
    {
        var hints = new DivisionHints(province == "—" ? null : province, city == "—" ? null : city);

        var resolution = Gazetteer.Resolve(written, hints);

        Assert.True(resolution.Resolved, resolution.Reason);
        Assert.Equal(folders, string.Join('/', resolution.Place!.Folders));
        Assert.Equal(code, resolution.Place.Code);
        Assert.Equal(level, resolution.Place.LevelName);
    }

    [Fact]
    public void SpecCoversCountyLevelCitiesAndDistrictsOfAtLeastFiveProvinces()
    {
        var provinces = SpecTable.Read("gazetteer.md")
            .Where(r => r[5] == "county")
            .Select(r => r[3].Split('/')[0])
            .Distinct()
            .ToList();

        Assert.True(provinces.Count >= 5, string.Join(", ", provinces));
    }

    [Fact]
    public void BareGulouDistrictIsRefusedWithEveryCandidate()
    {
        var resolution = Gazetteer.Resolve("鼓楼区");

        Assert.False(resolution.Resolved);
        Assert.Contains("ambiguous", resolution.Reason, StringComparison.Ordinal);
        Assert.Equal(["320106", "320302", "350102", "410204"], resolution.Candidates.Select(c => c.Code));
    }

    [Fact]
    public void GulouDistrictWithAProvinceOfTwoIsStillRefused()
    {
        var resolution = Gazetteer.Resolve("鼓楼区", new DivisionHints(Province: "江苏省"));

        Assert.False(resolution.Resolved);
        Assert.Equal(["320106", "320302"], resolution.Candidates.Select(c => c.Code));
    }

    // "7月26日 深圳市龙华区人民政府 正式印发 《深圳市龙华区妇女发展规划(2021—2030年)》"
    // (https://freewechat.com/a/MzIzMzU3NDczNQ==/2247577655/1): a bare 龙华区 (深圳 or 海口) is
    // settled by the city the surrounding text writes before it.
    [Fact]
    public void AmbiguousNameIsSettledByTheCityTheTextNames()
    {
        const string Context = "7月26日\n\n深圳市龙华区人民政府\n\n正式印发\n\n《深圳市龙华区妇女发展规划(2021—2030年)》";

        Assert.False(Gazetteer.Resolve("龙华区").Resolved);
        Assert.Equal("440309", Gazetteer.Resolve("龙华区", new DivisionHints(Context: Context)).Place?.Code);
    }

    [Fact]
    public void HintThatContradictsTheNameIsRefused()
    {
        var resolution = Gazetteer.Resolve("荔浦市", new DivisionHints(Province: "广东省"));

        Assert.False(resolution.Resolved);
        Assert.Equal(["450381"], resolution.Candidates.Select(c => c.Code));
    }

    // 荔浦县 became 荔浦市 in 2018; the table keeps no former names, so the old one is refused
    // with the near name to use instead.
    [Fact]
    public void FormerCountyNameIsRefusedWithTheNearName()
    {
        var resolution = Gazetteer.Resolve("荔浦县");

        Assert.False(resolution.Resolved);
        Assert.False(resolution.Ambiguous);
        Assert.Equal("450381", resolution.Candidates[0].Code);
    }

    [Fact]
    public void PseudoPrefecturesOfTheSourceAreNotInTheTable()
    {
        string[] pseudo = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

        Assert.DoesNotContain(Gazetteer.Divisions, d => pseudo.Contains(d.Name));
        Assert.All(Gazetteer.Divisions.Where(d => d.ParentCode is not null), d => Assert.NotNull(Gazetteer.Find(d.ParentCode!)));
    }

    [Fact]
    public void DisplayNamesFollowTheCorpus()
    {
        Assert.Equal("桂林市荔浦市", Gazetteer.PlaceOf("450381")!.DisplayName);
        Assert.Equal("清远市", Gazetteer.PlaceOf("441800")!.DisplayName);
        Assert.Equal("北京市海淀区", Gazetteer.PlaceOf("110108")!.DisplayName);
        Assert.Equal("仙桃市", Gazetteer.PlaceOf("429004")!.DisplayName);
    }
}
