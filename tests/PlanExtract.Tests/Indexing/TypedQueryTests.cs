using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>Queries typed as people type them (issue 13): words run together, typos; never a wrong "no hits".</summary>
public sealed class TypedQueryTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Fact]
    public void Words_typed_without_spaces_find_the_items_holding_them()
    {
        // No item writes 保障儿童心理健康; 清城区 children's health goal 12 reads
        // "增强儿童心理健康服务能力，提升儿童心理健康水平。"
        var result = index.Search("保障儿童心理健康");
        Assert.NotEmpty(result.Hits);
        Assert.NotNull(result.Relaxed);
        Assert.Contains("保障 儿童 心理 健康", result.Relaxed);
        Assert.Contains(result.Hits, h => h.Text.StartsWith("增强儿童心理健康服务能力", StringComparison.Ordinal));
    }

    [Fact]
    public void Rural_women_land_rights_find_the_goal_that_words_them_apart()
    {
        // 清远市 women's economy goal 8: "保障农村妇女平等享有土地承包经营权、宅基地使用权等权益，…"
        // holds the words apart. The gold grades it and its two copies 2, as it does the measure
        // each plan writes on it ("保障农村妇女平等享有各项经济权益。在农村土地承包工作中…"):
        // those six come first, in any order among themselves.
        var result = index.Search("农村妇女 土地权益");
        Assert.NotNull(result.Relaxed);
        var mostRelevant = Judgments.Load().Single(j => j.Query == "农村妇女 土地权益").Grades.Where(g => g.Value == 2).Select(g => g.Key).ToHashSet();
        Assert.Equal(6, mostRelevant.Count);
        Assert.Equal(mostRelevant, result.Hits.Take(mostRelevant.Count).Select(h => (h.Source, h.ItemLine ?? h.Line ?? 0)).ToHashSet());
        Assert.Contains(result.Hits.Take(mostRelevant.Count), h => h.Text.StartsWith("保障农村妇女平等享有土地承包经营权", StringComparison.Ordinal));
    }

    [Fact]
    public void A_filtered_search_that_finds_nothing_as_written_is_relaxed_to_all_the_words()
    {
        // Under --plan children the words stand apart in 清城区's goal 12 (增强儿童心理健康服务能力…);
        // the search first asks whether any item holds them, then ranks those that do.
        var result = index.Searcher.Search(new SearchRequest("保障儿童心理健康") { Plan = "children" });
        Assert.Contains("保障 儿童 心理 健康", result.Relaxed);
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Equal("children", h.Plan));
        Assert.All(result.Hits, h => Assert.Contains("心理", h.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_filtered_search_whose_words_stand_in_no_item_there_finds_nothing_and_says_nothing()
    {
        // 托育 (childcare) and 宫颈癌 (cervical cancer) share no item of the women's plans.
        var result = index.Searcher.Search(new SearchRequest("托育宫颈癌") { Plan = "women" });
        Assert.Empty(result.Hits);
        Assert.Equal(0, result.TotalHits);
        Assert.Null(result.Relaxed);
    }

    [Theory]
    [InlineData("心里健康", "心理健康")]
    [InlineData("家庭暴历", "家庭暴力")]
    [InlineData("孕产妇死忙率", "孕产妇死亡率")]
    public void A_typo_is_corrected_and_said_so(string typed, string meant)
    {
        var result = index.Search(typed);
        Assert.Equal(meant, result.Suggestions[0]);
        Assert.Contains($"showing \"{meant}\"", result.Relaxed);
        Assert.All(result.Hits, h => Assert.Contains(meant, h.Text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void A_typo_near_an_indicator_suggests_it()
    {
        // 家庭暴力庇护场所 is the catalog indicator behind 宝安区's "设立1个以上家庭暴力庇护场所".
        Assert.Contains("家庭暴力庇护场所" + Suggestions.IndicatorMark, index.Search("家庭暴历").Suggestions);
    }

    [Fact]
    public void A_phrase_found_as_written_is_not_relaxed()
    {
        var result = index.Search("家庭暴力");
        Assert.Null(result.Relaxed);
        Assert.Empty(result.Suggestions);
    }

    [Fact]
    public void Items_holding_the_phrase_as_written_rank_above_relaxed_ones()
    {
        // 艾滋病母婴传播 as written stands in few items; the relaxed ones (艾滋病、梅毒和乙肝母婴传播) follow.
        var quoted = index.Search("\"艾滋病母婴传播\"", 100);
        var plain = index.Search("艾滋病母婴传播", 100);
        Assert.True(plain.TotalHits > quoted.TotalHits);
        Assert.Equal(quoted.Hits.Select(h => h.Text).ToHashSet(), plain.Hits.Take(quoted.TotalHits).Select(h => h.Text).ToHashSet());
    }
}
