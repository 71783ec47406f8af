using System.Text.RegularExpressions;

namespace PlanExtract.Extraction.Rules;

/// <summary>
/// Change relative to a baseline: 儿童伤害死亡率以2020年数据为基数下降20% (down_by, basis 2020年),
/// 超重率和肥胖率年均增幅在基线基础上下降60%, 儿童总体近视率每年降低0.5个百分点.
/// </summary>
public sealed partial class RelativeChangeRule : ITargetRule
{
    public IEnumerable<TargetCandidate> Match(Clause clause)
    {
        // The pattern's lookahead wants a value in % or 个百分点, and Doubling wants 翻番: a clause
        // without them is not scanned (most are not; issue 18).
        var rated = clause.Folded.Contains('%') || clause.Folded.Contains("个百分点", StringComparison.Ordinal);
        for (var m = rated ? Pattern().Match(clause.Folded) : System.Text.RegularExpressions.Match.Empty; m.Success; m = m.NextMatch())
        {
            var q = QuantityReader.ReadAt(clause.Folded, m.Index + m.Length);
            if (q?.Unit is null)
            {
                continue;
            }

            var (start, indicator) = IndicatorText.LeftOf(clause, m.Index);
            if (indicator.Length == 0)
            {
                continue;
            }

            var comparator = m.Groups["verb"].Value is "提高" or "增长" or "增加" or "上升" ? Comparator.UpBy : Comparator.DownBy;
            var basis = m.Groups["basis"].Success ? clause.Text.Substring(m.Groups["basis"].Index, m.Groups["basis"].Length).Replace(" ", string.Empty, StringComparison.Ordinal) : null;
            var end = q.End;
            if (BoundPattern().Match(clause.Folded, end) is { Success: true } bound)
            {
                end += bound.Length;
            }

            foreach (var name in Coordination.Split(indicator, 1, distributive: true))
            {
                yield return new TargetCandidate(name, comparator, q.Value, q.Unit, q.Start, start, end) { Basis = basis };
            }
        }

        var doubled = clause.Folded.Contains("翻番", StringComparison.Ordinal);
        for (var m = doubled ? Doubling().Match(clause.Folded) : System.Text.RegularExpressions.Match.Empty; m.Success; m = m.NextMatch())
        {
            var (start, indicator) = IndicatorText.LeftOf(clause, m.Index);
            if (indicator.Length > 0)
            {
                var basis = m.Groups["basis"].Success ? clause.Text.Substring(m.Groups["basis"].Index, m.Groups["basis"].Length).Replace(" ", string.Empty, StringComparison.Ordinal) : null;
                yield return new TargetCandidate(indicator, Comparator.UpBy, DoubledPercent, "%", m.Groups["double"].Index, start, m.Index + m.Length) { Basis = basis };
            }
        }
    }

    /// <summary>翻番 in percent: the number the audit gives the word.</summary>
    public const string DoubledPercent = "100";

    // 高品质幼儿园数量在2020年基础上翻番: doubled is up by 100%.
    [GeneratedRegex(@"(?:(?:在|比|较)\s*(?<basis>20\d\d\s*年|基线)\s*(?:的)?(?:基础上|水平上)?\s*)?(?<double>翻番)")]
    internal static partial Regex Doubling();

    [GeneratedRegex(@"(?:以\s*(?<basis>20\d\d\s*年|基线)\s*(?:数据|水平|数)?为基[数线]\s*[,，]?|(?:在|比|较)\s*(?<basis>20\d\d\s*年|基线)\s*(?:基础上|水平上|的基础上)?|每年|年均|(?<=[率例重数量]))\s*(?<verb>下降|降低|减少|提高|增长|增加|上升)(?=\s*\d+(?:\.\d+)?\s*(?:%|个百分点))")]
    internal static partial Regex Pattern();

    [GeneratedRegex(@"\G\s*(?:以上|左右)")]
    private static partial Regex BoundPattern();
}
