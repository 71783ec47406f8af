using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanExtract.Extraction;

/// <summary>
/// A sentence that reports the past states no commitment, even with a target's verb in it
/// (孕产妇死亡率由2010年的33.23/10万降至15.07/10万). A report opened by a year or a span of time
/// (2017年，全省孕产妇系统管理率92.13%；3岁以下儿童系统管理率达到91.7%) goes on over the clauses its
/// semicolons join, so those clauses are the past too.
/// </summary>
public static partial class PastStatement
{
    public static bool Reports(Clause clause) =>
        (MayHoldMarker(clause.Folded) && Marker().IsMatch(clause.Folded)) || OpensReport(clause.Folded) || clause.Opening is { } opening && OpensReport(opening);

    /// <summary>
    /// 5年来，…; 数据显示，2011年，…; 截至10月底，…; 去年我市…; 2017年，全省…: the opening of a report.
    /// A year a plan sets deadlines for ends in 0 or 5 (到2025年, 2015年家庭暴力的投诉出警率达到90%);
    /// a sentence that opens on another year (2012年，2018年，2023年) reports that year, unless it
    /// is a deadline of its own (2023年底前).
    /// </summary>
    private static bool OpensReport(string folded)
    {
        if (ReportOpening().IsMatch(folded))
        {
            return true;
        }

        var year = OpeningYear().Match(folded);
        return year.Success && int.Parse(year.Groups["y"].Value, CultureInfo.InvariantCulture) % 5 != 0;
    }

    /// <summary>
    /// Whether <see cref="Marker"/> can match at all: each of its branches holds one of these
    /// characters (年: the years, 年来, 连续…年; 截: 截至; 五: 十一五; 了: 提高了; 标: …目标; 直: 一直;
    /// 均: 平均水平). Most sentences hold none; the pattern's own search tries every character of them
    /// (about 5% of read + extract before this test). A new branch adds its character here.
    /// </summary>
    internal static bool MayHoldMarker(string folded) => folded.AsSpan().IndexOfAny(MarkerCharacters) >= 0;

    private static readonly System.Buffers.SearchValues<char> MarkerCharacters = System.Buffers.SearchValues.Create("年截五了标直均");

    // 实施 10年来，…: a span up to now.
    // 村委会主任女性比例达到16.4%，高于10%省目标 (measured against the target), 比“十一五”末提高了31.4个百分点, 免费婚检率由“十一五”末的0.56%提高到83.17%: an earlier plan period's end, and 了, report the past.
    // 由2010年的33.23/10万降至15.07/10万 (a value before the change), 普惠性幼儿园覆盖率达88.84%，实现连续七年提升,
    // 城镇单位女性从业人员比重一直保持在40%左右, 全市出生缺陷率控制在6.14‰，低于全省平均水平: reports.
    [GeneratedRegex(@"从\s*20[01]\d\s*年|由\s*20[01]\d\s*年\s*的|截至|20[01]\d\s*年以来|比\s*20[01]\d\s*年|(?:比|较|由|从)\s*“?十[一二三]五”?(?:末|期末|时期)|(?:提高|下降|增长|增加|降低|上升|减少)了|(?:高于|低于|超过|超出)\s*\d+(?:\.\d+)?\s*%?\s*的?(?:省|市|国家|全国|全省|全市)?目标|(?:\d+|[一二两三四五六七八九十几多近]+)\s*年来|连续\s*(?:\d+|[一二两三四五六七八九十]+)\s*年|一直(?:保持|稳定|维持|处于)|(?:高于|低于|高出|优于|好于)\s*(?:全国|全省|全市|全区|国家|省|市)\s*(?:的)?\s*平\s*均\s*水\s*平")]
    internal static partial Regex Marker();

    // 湖塘镇 5年来，…; 数据显示，2011年，…; 去年我市…; 当年，全市托育总位数达到3.5万余个; 至2024年底，全市学前三年毛入园率达100%.
    [GeneratedRegex(@"^[^\p{L}\p{N}]*(?:(?:\d+|[一二两三四五六七八九十几多近]+)\s*年来|(?:数据|统计|监测)(?:结果)?显示|去年|上年|当年)|^[^\p{L}\p{N}]*至\s*20\d[1-46-9]\s*年\s*(?:底|末)")]
    private static partial Regex ReportOpening();

    [GeneratedRegex(@"^[^\p{L}\p{N}]*(?<y>20\d\d)\s*年(?!\s*(?:底|末)?\s*(?:前|以前|之前))(?!\s*[-—–~至])")]
    private static partial Regex OpeningYear();
}
