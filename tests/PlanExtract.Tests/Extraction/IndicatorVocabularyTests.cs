using System.Text.Json;
using PlanExtract.Extraction;
using PlanExtract.Indicators;
using PlanExtract.Tests.Reporting;

namespace PlanExtract.Tests.Extraction;

/// <summary>
/// The published indicators are noun phrases naming a measurable quantity: no bare generic head
/// (覆盖率), no verb or preposition in front (探索按照…), no fragment shorter than three characters
/// unless the catalog names it.
/// </summary>
public sealed class IndicatorVocabularyTests
{
    [Fact]
    public void No_published_indicator_is_a_generic_head_a_verb_phrase_or_a_fragment()
    {
        var matcher = new IndicatorMatcher(CorpusResults.Catalog);
        var bad = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "output", "targets.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var indicator = json.RootElement.GetProperty("indicator").GetString()!;
            var named = matcher.Match(indicator).Stage == MatchStage.Alias;
            if (IndicatorSubject.IsBareGenericHead(indicator) || IndicatorSubject.StartsWithVerb(indicator) || (indicator.Length < 3 && !named))
            {
                bad.Add($"{indicator} (line {json.RootElement.GetProperty("line")})");
            }
        }

        Assert.True(bad.Count == 0, "indicators that name no quantity: " + string.Join("、", bad.Distinct()));
    }

    [Theory]
    [InlineData("覆盖率", true)]
    [InlineData("比例", true)]
    [InlineData("占比", true)]
    [InlineData("未成年人保护工作站覆盖率", false)]
    public void Generic_heads_are_recognised(string indicator, bool bare) =>
        Assert.Equal(bare, IndicatorSubject.IsBareGenericHead(indicator));

    [Theory]
    [InlineData("探索按照每5000个家庭", true)]
    [InlineData("推进儿童之家建设", true)]
    [InlineData("鼓励用人单位", true)]
    [InlineData("普惠性幼儿园在园幼儿占比", false)]
    [InlineData("在园幼儿占比", false)]
    public void Leading_verbs_are_recognised(string indicator, bool verb) =>
        Assert.Equal(verb, IndicatorSubject.StartsWithVerb(indicator));
}
