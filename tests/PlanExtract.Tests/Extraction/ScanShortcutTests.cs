using PlanExtract.Extraction;
using PlanExtract.Extraction.Rules;
using PlanExtract.Tests.Text;

namespace PlanExtract.Tests.Extraction;

/// <summary>
/// The character tests that spare a sentence a pattern's scan (issue 18) must hold wherever the
/// pattern matches: on every sentence of the corpus and the specs, and on one sentence per branch.
/// </summary>
public sealed class ScanShortcutTests
{
    [Theory]
    [InlineData("孕产妇死亡率由2010年的33.23/10万降至15.07/10万")]
    [InlineData("从2010年的4.09‰下降到2.70‰")]
    [InlineData("截至2020年，全市建成儿童之家120个")]
    [InlineData("2015年以来，全市新建幼儿园30所")]
    [InlineData("比2015年提高3个百分点")]
    [InlineData("免费婚检率由“十一五”末的0.56%提高到83.17%")]
    [InlineData("孕产妇住院分娩率提高了5个百分点")]
    [InlineData("村委会主任女性比例达到16.4%，高于10%省目标")]
    [InlineData("实施10年来，妇女儿童健康水平明显提高")]
    [InlineData("普惠性幼儿园覆盖率达88.84%，实现连续七年提升")]
    [InlineData("城镇单位女性从业人员比重一直保持在40%左右")]
    [InlineData("全市出生缺陷率控制在6.14‰，低于全省平均水平")]
    public void Every_branch_of_the_past_marker_passes_its_character_test(string sentence)
    {
        var clause = Assert.Single(ClauseSplitter.Split(sentence));
        Assert.True(PastStatement.Marker().IsMatch(clause.Folded), sentence);
        Assert.True(PastStatement.MayHoldMarker(clause.Folded), sentence);
        Assert.True(PastStatement.Reports(clause), sentence);
    }

    [Fact]
    public void The_past_marker_never_matches_a_sentence_its_character_test_skips()
    {
        var marked = PlanText.Sentences.Where(s => PastStatement.Marker().IsMatch(s)).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, s => Assert.True(PastStatement.MayHoldMarker(s), s));
    }

    [Fact]
    public void A_quantity_starts_only_where_the_reader_looks_for_one()
    {
        var read = 0;
        foreach (var sentence in PlanText.Sentences)
        {
            for (var m = QuantityReader.QuantityPattern().Match(sentence); m.Success; m = m.NextMatch())
            {
                Assert.True(QuantityReader.CanStart(sentence[m.Index]), sentence);
                read++;
            }
        }

        Assert.True(read > 500, $"only {read} quantities read");
    }

    [Fact]
    public void A_relative_change_is_scanned_for_only_with_a_rate_or_doubling()
    {
        var changes = PlanText.Sentences.Where(s => RelativeChangeRule.Pattern().IsMatch(s)).ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, s => Assert.True(s.Contains('%') || s.Contains("个百分点", StringComparison.Ordinal), s));
        Assert.All(PlanText.Sentences.Where(s => RelativeChangeRule.Doubling().IsMatch(s)), s => Assert.Contains("翻番", s, StringComparison.Ordinal));
    }
}
