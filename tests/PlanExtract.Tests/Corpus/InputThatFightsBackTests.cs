using System.Text;
using PlanExtract.Tests.Cli;
using PlanExtract.Tests.Gold;

namespace PlanExtract.Tests.Corpus;

/// <summary>Encodings, line endings and sizes that are not errors: the same plan gives the same targets.</summary>
public sealed class InputThatFightsBackTests : IDisposable
{
    private static readonly string Source = Path.Combine(RepoPaths.Corpus, "广东省", "清远市", "plans.txt");
    private readonly TempFolder _temp = new();

    static InputThatFightsBackTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Encodings() => ["gb18030", "utf-16le-bom", "utf-16le", "utf-16be-bom", "utf-8-bom", "crlf", "cr"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Same_targets_as_utf8(string encoding)
    {
        var text = File.ReadAllText(Source, Encoding.UTF8);
        byte[] bytes = encoding switch
        {
            "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16le" => Encoding.Unicode.GetBytes(text),
            "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "crlf" => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)),
            _ => Encoding.UTF8.GetBytes(text.Replace("\n", "\r", StringComparison.Ordinal)),
        };
        var path = _temp.File($"plan.{encoding}.txt", bytes);

        var expected = Pipeline.Default.Read(Source, "plan").AllTargets().Select(Describe).ToList();
        var actual = Pipeline.Default.Read(path, "plan").AllTargets().Select(Describe).ToList();
        Assert.True(expected.Count > 50);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void An_eight_megabyte_line_is_read_in_linear_time()
    {
        // One line, no line breaks: the plan's sentences repeated. The test asserts the result, not the
        // time; a backtracking blow-up would not finish at all.
        var sentence = "孕产妇死亡率下降到8/10万以下，新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下，乳腺癌人群筛查率逐步提高";
        var body = new StringBuilder("清远市妇女发展规划（2021—2030年）\n二、发展领域、主要目标和策略措施\n（一）妇女与健康\n主要目标：\n1. ");
        while (body.Length < 8 * 1024 * 1024 / 3)
        {
            body.Append(sentence).Append('，');
        }

        var path = _temp.File("long.txt", Encoding.UTF8.GetBytes(body.ToString()));
        var targets = Pipeline.Default.Read(path).AllTargets().ToList();
        Assert.True(new FileInfo(path).Length > 7_000_000);
        Assert.True(targets.Count > 1000);
    }

    [Fact]
    public void Gold_scores_hold_for_a_gb18030_copy()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(File.ReadAllText(Source, Encoding.UTF8));
        var path = _temp.File("gb.txt", bytes);
        var predicted = Pipeline.Default.Read(path, "plan").AllTargets().Select(TargetScorerTests.Key).ToList();
        var gold = TargetScorerTests.GoldRecords("广东省_清远市").Select(TargetScorerTests.Key).ToList();
        var (tp, fp, fn) = TargetScorerTests.Compare(predicted, gold);
        Assert.True(Score.Of(tp, fp, fn).F1 >= 0.97);
    }

    private static string Describe(Model.Target t) => $"{t.Plan}|{t.Domain}|{t.Indicator}|{t.Comparator}|{t.Value}|{t.Unit}|{t.Line}";
}
