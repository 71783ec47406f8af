using PlanExtract.Indicators;
using PlanExtract.Tests.Reporting;

namespace PlanExtract.Tests.Indicators;

public sealed class IndicatorMatcherTests
{
    private static readonly IndicatorMatcher _matcher = new(CorpusResults.Catalog);

    // Written names as the corpus plans give them (荔浦, 宝安, 清城, 清远), and what they mean.
    [Theory]
    [InlineData("孕产妇死亡率", "孕产妇死亡率", MatchStage.Alias)]
    [InlineData("35—45岁适龄女性宫颈癌筛查率", "宫颈癌人群筛查率", MatchStage.Alias)]
    [InlineData("高效宫颈癌筛查率", "宫颈癌人群筛查率", MatchStage.Alias)]
    [InlineData("适龄妇女宫颈癌人群筛查率", "宫颈癌人群筛查率", MatchStage.Normalized)]
    [InlineData("妇女宫颈癌筛查率", "宫颈癌人群筛查率", MatchStage.Normalized)]
    [InlineData("适龄女性乳腺癌筛查率", "乳腺癌人群筛查率", MatchStage.Normalized)]
    [InlineData("妇女人均健康预期寿命", "人均健康预期寿命", MatchStage.Normalized)]
    [InlineData("女童学前教育毛入园率", "学前教育毛入园率", MatchStage.Normalized)]
    [InlineData("女童九年义务教育巩固率", "九年义务教育巩固率", MatchStage.Normalized)]
    [InlineData("女生高中阶段教育毛入学率", "高中阶段教育毛入学率", MatchStage.Normalized)]
    [InlineData("区人大代表和常委会委员中的女性比例", "人大代表和常委会委员中的女性比例", MatchStage.Normalized)]
    [InlineData("各级人大代表和常委会委员中的女性比例", "人大代表和常委会委员中的女性比例", MatchStage.Normalized)]
    [InlineData("区各类事业单位领导班子成员中的女性比例", "事业单位领导班子成员中的女性比例", MatchStage.Normalized)]
    [InlineData("市政府领导班子中的女干部比例", "政府领导班子中的女干部比例", MatchStage.Normalized)]
    [InlineData("区直机关和镇（街道）领导班子中女干部比例", "政府工作部门领导班子中的女干部比例", MatchStage.Alias)]
    [InlineData("企业女职工接受职业技能培训比例", "企业女职工接受职业技能培训的比例", MatchStage.Normalized)]
    [InlineData("政府举办、标准化的妇幼保健机构", "政府举办的标准化妇幼保健机构", MatchStage.Normalized)]
    [InlineData("中小學生国家学生体质健康标准达标优良率", "中小学生国家学生体质健康标准达标优良率", MatchStage.Alias)]
    [InlineData("0—6岁儿童眼保健和视力检查覆盖率", "0-6岁儿童眼保健和视力检查覆盖率", MatchStage.Alias)]
    [InlineData("5岁儿童乳牙龋齿患病率", "5岁儿童乳牙龋患率", MatchStage.Alias)]
    [InlineData("每千常住人口拥有3岁以下婴幼儿托位数", "每千人口拥有3岁以下婴幼儿托位数", MatchStage.Alias)]
    [InlineData("村民委员会成员中女性比例", "村委会成员中女性比例", MatchStage.Alias)]
    [InlineData("适龄儿童免疫规划疫苗接种率", "适龄儿童免疫规划疫苗接种率", MatchStage.Alias)]
    public void Corpus_names_match(string written, string id, MatchStage stage)
    {
        var match = _matcher.Match(written);
        Assert.Equal(id, match.Id);
        Assert.Equal(stage, match.Stage);
    }

    // 覆盖率 shares only its head with 普惠性幼儿园覆盖率: suggesting that alias would merge unrelated figures.
    [Theory]
    [InlineData("覆盖率", "%")]
    [InlineData("图书角覆盖率", "%")]
    [InlineData("比例", "%")]
    public void A_name_sharing_only_the_generic_head_has_no_nearest_entry(string written, string unit)
    {
        Assert.Null(_matcher.Nearest(_matcher.Normalizer.Normalize(written), unit).Indicator);
        Assert.Null(_matcher.Match(written, unit).Id);
    }

    // Slips a PDF text layer or an OCR pass makes: full width, Kangxi radicals, traditional forms, look-alikes.
    [Theory]
    [InlineData("５岁以下儿童死亡率", "5岁以下儿童死亡率")]
    [InlineData("⼉童伤害死亡率", "儿童伤害死亡率")]
    [InlineData("孕產婦死亡率", "孕产妇死亡率")]
    [InlineData("学前教育毛人园率", "学前教育毛入园率")]
    [InlineData("全区 孕产妇 系统管理率", "孕产妇系统管理率")]
    [InlineData("0～6岁儿童眼保健和视力检查覆盖率", "0-6岁儿童眼保健和视力检查覆盖率")]
    public void Folded_slips_match(string written, string id) => Assert.Equal(id, _matcher.Match(written).Id);

    [Theory]
    [InlineData("全市新生儿遗传代谢病筛查率", "%", "新生儿遗传代谢性疾病筛查率")]
    [InlineData("每千名儿童拥有儿科执业医生", "名", "每千名儿童拥有儿科执业（助理）医生")]
    [InlineData("辖区孕产妇系统管理率", "%", "孕产妇系统管理率")]
    public void Near_writings_match_by_similarity(string written, string unit, string id)
    {
        var match = _matcher.Match(written, unit);
        Assert.Equal(id, match.Id);
        Assert.Equal(MatchStage.Similar, match.Stage);
        Assert.True(match.Score >= IndicatorMatcher.DefaultThreshold);
    }

    [Theory]
    [InlineData("委员", "名")]
    [InlineData("覆盖率", "%")]
    [InlineData("探索按照每5000个家庭", "名")]
    [InlineData("儿童死亡率", "‰")]
    public void Fragments_stay_unmatched(string written, string unit) => Assert.Null(_matcher.Match(written, unit).Id);

    [Fact]
    public void A_count_never_matches_a_rate_by_name()
    {
        Assert.Equal("新生儿访视率", _matcher.Match("新生儿访视率覆盖", "%").Id);
        Assert.Null(_matcher.Match("新生儿访视率覆盖", "名").Id);
    }

    [Fact]
    public void Every_corpus_target_carries_an_indicator_id_but_one_count_of_staff()
    {
        var targets = CorpusResults.Targets.ToList();
        var unmatched = targets.Where(t => t.IndicatorId is null).Select(t => t.Indicator).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["负责妇女工作的委员"], unmatched);
        Assert.True(targets.Count(t => t.IndicatorId is not null) >= 0.99 * targets.Count);
        Assert.All(targets.Where(t => t.IndicatorId is not null), t => Assert.NotNull(CorpusResults.Catalog.Find(t.IndicatorId)));
    }

    [Fact]
    public void Unmatched_lists_each_written_name_once_with_its_place_and_nearest_entry()
    {
        var unmatched = _matcher.Unmatched(CorpusResults.Targets);
        var member = Assert.Single(unmatched);
        Assert.Equal("负责妇女工作的委员", member.Indicator);
        Assert.Equal(2, member.Count);
        Assert.Equal(["深圳市宝安区"], member.Districts);
        Assert.Equal("corpus/广东省/深圳市/宝安区/plans.txt", member.Source);
        Assert.NotNull(member.Line);
    }

    [Fact]
    public void Every_alias_resolves_to_its_own_indicator()
    {
        foreach (var indicator in CorpusResults.Catalog.Indicators)
        {
            foreach (var name in indicator.Aliases.Prepend(indicator.Id))
            {
                Assert.Equal(indicator.Id, _matcher.Match(name, indicator.Unit).Id);
            }
        }
    }

    [Fact]
    public void A_catalog_listing_an_id_twice_is_bad_input_naming_the_file()
    {
        var json = """{"indicators": [{"id": "孕产妇死亡率"}, {"id": "孕产妇死亡率"}]}""";
        var e = Assert.Throws<DocumentReadException>(() => IndicatorCatalog.Parse(json, "corpus/indicators.json"));
        Assert.StartsWith("corpus/indicators.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("孕产妇死亡率", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipeline_without_a_catalog_leaves_indicator_id_null()
    {
        var path = Path.Combine(RepoPaths.Corpus, "广东省", "清远市", "plans.txt");
        var document = Pipeline.ForCorpus(RepoPaths.Corpus).WithIndicators(null).Read(path);
        Assert.All(document.AllTargets(), t => Assert.Null(t.IndicatorId));
    }
}
