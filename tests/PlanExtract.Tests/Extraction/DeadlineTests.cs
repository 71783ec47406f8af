namespace PlanExtract.Tests.Extraction;

/// <summary>Each value takes the deadline stated before it; a year never stays inside the indicator.</summary>
public sealed class DeadlineTests
{
    // http://www.slrbs.com/szbm/qwfb/2012-11-14/80145_11.html (a 2011–2020 children's plan, not in the unseen halves: its issuer is not on the page).
    [Fact]
    public void One_year_per_value_in_a_sentence()
    {
        var targets = SentenceExtraction.Extract("九年义务教育巩固率2015年达到96%,2020年达到99%以上");
        Assert.Equal(["九年义务教育巩固率 = 96 % 2015", "九年义务教育巩固率 >= 99 % 2020"], targets.Select(t => SentenceExtraction.Render(t) + " " + t.Year));
    }

    [Theory]
    [InlineData("到2025年，孕产妇死亡率下降到8/10万以下", 2025)]
    [InlineData("儿童伤害死亡率以2020年数据为基数下降20%", null)]
    [InlineData("儿童青少年总体近视率在2020年基础上每年降低0.5个百分点", null)]
    public void The_deadline_is_not_a_basis(string sentence, int? year) =>
        Assert.Equal(year, Assert.Single(SentenceExtraction.Extract(sentence)).Year);
}
