using PlanExtract.Extraction;
using PlanExtract.Model;
using PlanExtract.Tests.Gold;
using PlanExtract.Text;
using Xunit.Abstractions;

namespace PlanExtract.Tests.Extraction;

/// <summary>
/// The number audit (explain): every number in goal, measure and project items gets a fate, and no
/// hand-annotated target vanishes: the grammar either read it (target) or says so (unread).
/// </summary>
public sealed class NumberAuditTests(CorpusRun corpus, ITestOutputHelper output) : IClassFixture<CorpusRun>
{
    [Fact]
    public void Every_corpus_gold_target_is_a_target_or_unread()
    {
        var vanished = new List<string>();
        var audited = 0;
        foreach (var (document, plans) in corpus.Documents)
        {
            var numbers = new NumberAudit().Audit(plans);
            foreach (var gold in TargetScorerTests.GoldRecords(document.Id).Where(g => g.Value is not null && g.Section != "other"))
            {
                audited++;
                var value = CharFold.Fold(gold.Value!).Replace(" ", string.Empty, StringComparison.Ordinal);
                if (!numbers.Any(n => n.Line == gold.Line && n.Value == value && n.Fate is NumberFate.Target or NumberFate.Unread))
                {
                    var seen = numbers.Where(n => n.Line == gold.Line && n.Value == value).Select(n => n.Fate.ToContractName()).FirstOrDefault() ?? "not listed";
                    vanished.Add($"{document.Id}:{gold.Line} {gold.Indicator} {gold.Value} ({seen})");
                }
            }

            var unread = numbers.Count(n => n.Fate == NumberFate.Unread);
            output.WriteLine($"{document.Id,-32} {numbers.Count} numbers, {numbers.Count(n => n.Fate == NumberFate.Target)} targets, {unread} unread");
        }

        Assert.True(audited > 300, $"only {audited} gold targets with a value");
        Assert.True(vanished.Count == 0, "gold targets with another fate: " + string.Join("; ", vanished));
    }

    [Theory]
    [InlineData("孕产妇死亡率下降到8/10万以下", "8/10万", "target")]
    [InlineData("到2025年，孕产妇死亡率下降到8/10万以下", "2025年", "year")]
    [InlineData("学前教育毛入园率由2020年的90%提高到95%以上", "90%", "past")]
    [InlineData("5岁以下儿童死亡率控制在6‰以下", "5岁", "qualifier")]
    [InlineData("深入实施“十四五”规划", "十四五", "name")]
    [InlineData("大力宣传12338妇女维权公益服务热线", "12338", "name")]
    [InlineData("增强“四个意识”", "四个", "name")]
    [InlineData("建设“农村10公里、城市10分钟”公共文化服务网络", "10公里", "unread")]
    [InlineData("关注生命早期1000天营养", "1000天", "unread")]
    public void A_number_gets_its_fate(string sentence, string number, string fate)
    {
        var item = new Item("1", sentence, new SourceSpan("spec", 1, null), [new ItemLine(0, 1, null)]);
        var numbers = new NumberAudit().Audit(item, new ItemContext("测试区", PlanKind.Women, "妇女与健康", SectionKind.Goal, "spec"));
        var found = numbers.FirstOrDefault(n => n.Number.Replace(" ", string.Empty, StringComparison.Ordinal) == number);
        Assert.True(found is not null, $"{number} not audited in {sentence}: {string.Join(", ", numbers.Select(n => n.Number))}");
        Assert.Equal(fate, found.Fate.ToContractName());
        Assert.Equal(fate == "target", found.Target is not null);
    }

    [Fact]
    public void An_item_number_written_into_the_text_is_an_item_number()
    {
        var item = new Item("3", "（3）推进儿童之家建设", new SourceSpan("spec", 1, null), [new ItemLine(0, 1, null)]);
        var numbers = new NumberAudit().Audit(item, new ItemContext("测试区", PlanKind.Children, "儿童与福利", SectionKind.Measure, "spec"));
        Assert.Equal("item_number", Assert.Single(numbers).Fate.ToContractName());
    }
}
