namespace PlanExtract.Tests.Reporting;

/// <summary>
/// Cells read off the source documents by hand (grep of corpus/**/plans.txt, the line each value is
/// written on): the table must show that value and link that line.
/// </summary>
public sealed class SpotCheckTests
{
    private const string BaoAn = "../../corpus/广东省/深圳市/宝安区/plans.txt";
    private const string QingYuan = "../../corpus/广东省/清远市/plans.txt";
    private const string QingCheng = "../../corpus/广东省/清远市/清城区/plans.txt";
    private const string LiPu = "../../corpus/广西壮族自治区/桂林市/荔浦市/plans.txt";

    public static TheoryData<string, string, string, string> Cells => new()
    {
        // 宝安 79 "孕产妇死亡率下降到6.5/10万以下"; 清远 26 / 清城 93 "下降到 8/10 万以下"; 荔浦 61 "下降到12/10万以下".
        { "women.md", "孕产妇死亡率", "深圳市宝安区", $"[≤6.5/10万]({BaoAn}#L79)" },
        { "women.md", "孕产妇死亡率", "清远市", $"[≤8/10万]({QingYuan}#L26)" },
        { "women.md", "孕产妇死亡率", "清远市清城区", $"[≤8/10万]({QingCheng}#L93) ●" },
        { "women.md", "孕产妇死亡率", "桂林市荔浦市", $"[≤12/10万]({LiPu}#L61)" },
        // 宝安 83 "达到92%以上"; 清远 28, 清城 95, 荔浦 87 "达到90%以上".
        { "women.md", "孕产妇系统管理率", "深圳市宝安区", $"[≥92%]({BaoAn}#L83)" },
        { "women.md", "孕产妇系统管理率", "清远市", $"[≥90%]({QingYuan}#L28)" },
        { "women.md", "孕产妇系统管理率", "清远市清城区", $"[≥90%]({QingCheng}#L95) ●" },
        { "women.md", "孕产妇系统管理率", "桂林市荔浦市", $"[≥90%]({LiPu}#L87)" },
        // "婚前医学检查率提高到65%": 宝安 85, 清远 29, 清城 97; 荔浦 sets none.
        { "women.md", "婚前医学检查率", "深圳市宝安区", $"[=65%]({BaoAn}#L85)" },
        { "women.md", "婚前医学检查率", "清远市", $"[=65%]({QingYuan}#L29)" },
        { "women.md", "婚前医学检查率", "清远市清城区", $"[=65%]({QingCheng}#L97) ●" },
        { "women.md", "婚前医学检查率", "桂林市荔浦市", "" },
        // 妇女与教育: 宝安 133 "女童学前教育毛入园率达到100%"; 清远 86, 清城 159 "达到100%"; 荔浦 115 "达到93%以上".
        { "women.md", "学前教育毛入园率", "深圳市宝安区", $"[=100%]({BaoAn}#L133)" },
        { "women.md", "学前教育毛入园率", "清远市", $"[=100%]({QingYuan}#L86)" },
        { "women.md", "学前教育毛入园率", "清远市清城区", $"[=100%]({QingCheng}#L159) ●" },
        { "women.md", "学前教育毛入园率", "桂林市荔浦市", $"[≥93%]({LiPu}#L115)" },
        // 宝安 133 "女童九年义务教育巩固率达到100%"; 清远 88, 清城 161 "稳定在96%以上"; 荔浦 117 "达到97%以上".
        { "women.md", "九年义务教育巩固率", "深圳市宝安区", $"[=100%]({BaoAn}#L133)" },
        { "women.md", "九年义务教育巩固率", "清远市", $"[≥96%]({QingYuan}#L88)" },
        { "women.md", "九年义务教育巩固率", "清远市清城区", $"[≥96%]({QingCheng}#L161) ●" },
        { "women.md", "九年义务教育巩固率", "桂林市荔浦市", $"[≥97%]({LiPu}#L117)" },
        // 宝安 133 "达到并保持在99%以上"; 清远 90 "95%以上"; 荔浦 119 "93%以上"; 清城's women's plan sets none.
        { "women.md", "高中阶段教育毛入学率", "深圳市宝安区", $"[≥99%]({BaoAn}#L133)" },
        { "women.md", "高中阶段教育毛入学率", "清远市", $"[≥95%]({QingYuan}#L90)" },
        { "women.md", "高中阶段教育毛入学率", "清远市清城区", "" },
        { "women.md", "高中阶段教育毛入学率", "桂林市荔浦市", $"[≥93%]({LiPu}#L119)" },
        // "妇女基本养老保险参保率提高到": 清远 221 95%, 清城 294 98.5% (stricter than the city), 荔浦 272 95%.
        { "women.md", "妇女基本养老保险参保率", "清远市", $"[=95%]({QingYuan}#L221)" },
        { "women.md", "妇女基本养老保险参保率", "清远市清城区", $"[=98.5%]({QingCheng}#L294) ▲" },
        { "women.md", "妇女基本养老保险参保率", "桂林市荔浦市", $"[=95%]({LiPu}#L272)" },
        { "women.md", "妇女基本养老保险参保率", "深圳市宝安区", "" },
        // Key project 7: 清远 436 "全市建成母婴室350家以上", 清城 511 "全区建成母婴室65家以上"; counts carry no mark.
        { "women.md", "母婴室", "清远市", $"[≥350家]({QingYuan}#L436)" },
        { "women.md", "母婴室", "清远市清城区", $"[≥65家]({QingCheng}#L511)" },
        // "新生儿、婴儿和5岁以下儿童死亡率分别降至…以下": 宝安 482 2.0‰、2.5‰、3.5‰; 清城 589 2.0‰、3.0‰、4.0‰; 荔浦 548 3.0‰、5.0‰、6.0‰.
        { "children.md", "新生儿死亡率", "深圳市宝安区", $"[≤2.0‰]({BaoAn}#L482)" },
        { "children.md", "新生儿死亡率", "清远市清城区", $"[≤2.0‰]({QingCheng}#L589)" },
        { "children.md", "新生儿死亡率", "桂林市荔浦市", $"[≤3.0‰]({LiPu}#L548)" },
        { "children.md", "婴儿死亡率", "深圳市宝安区", $"[≤2.5‰]({BaoAn}#L482)" },
        { "children.md", "婴儿死亡率", "清远市清城区", $"[≤3.0‰]({QingCheng}#L589)" },
        { "children.md", "婴儿死亡率", "桂林市荔浦市", $"[≤5.0‰]({LiPu}#L548)" },
        { "children.md", "5岁以下儿童死亡率", "深圳市宝安区", $"[≤3.5‰]({BaoAn}#L482)" },
        { "children.md", "5岁以下儿童死亡率", "清远市清城区", $"[≤4.0‰]({QingCheng}#L589)" },
        { "children.md", "5岁以下儿童死亡率", "桂林市荔浦市", $"[≤6.0‰]({LiPu}#L548)" },
        // 儿童与教育 (no ● for 清城: 清远市 has only a women's plan, and a children's target is not marked against it):
        // 宝安 569 "学前教育毛入园率达到100%"; 清城 707 "达到 100%"; 荔浦 662 "达到93%以上".
        { "children.md", "学前教育毛入园率", "深圳市宝安区", $"[=100%]({BaoAn}#L569)" },
        { "children.md", "学前教育毛入园率", "清远市清城区", $"[=100%]({QingCheng}#L707)" },
        { "children.md", "学前教育毛入园率", "桂林市荔浦市", $"[≥93%]({LiPu}#L662)" },
        // 宝安 571 "达到100%"; 清城 709 "稳定在 96% 以上"; 荔浦 664 "达到97%以上".
        { "children.md", "九年义务教育巩固率", "深圳市宝安区", $"[=100%]({BaoAn}#L571)" },
        { "children.md", "九年义务教育巩固率", "清远市清城区", $"[≥96%]({QingCheng}#L709)" },
        { "children.md", "九年义务教育巩固率", "桂林市荔浦市", $"[≥97%]({LiPu}#L664)" },
        // "5岁以下儿童贫血率和生长迟缓率分别控制在…以下": 宝安 490 3%, 清城 599 5%, 荔浦 558 5%.
        { "children.md", "5岁以下儿童生长迟缓率", "深圳市宝安区", $"[≤3%]({BaoAn}#L490)" },
        { "children.md", "5岁以下儿童生长迟缓率", "清远市清城区", $"[≤5%]({QingCheng}#L599)" },
        { "children.md", "5岁以下儿童生长迟缓率", "桂林市荔浦市", $"[≤5%]({LiPu}#L558)" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Cell_shows_the_value_written_on_the_linked_line(string file, string indicator, string district, string expected)
    {
        var tables = MarkdownTablesTests.Tables(TableFiles.Read(file));
        var matches = tables.SelectMany(t => t.Rows.Where(r => r[0] == indicator).Select(r => r[t.Header.IndexOf(district)])).ToList();
        Assert.Equal(expected, Assert.Single(matches));
    }
}
