using PlanExtract.Text;
using System.Text.RegularExpressions;

namespace PlanExtract.Extraction.Rules;

/// <summary>
/// A direction with no number, stated of a quantity: 乳腺癌人群筛查率逐步提高 (up), 儿童溺水死亡率
/// 持续下降 (down), 妇女人均预期寿命延长. The indicator comes first: "提高孕产妇系统管理率" is an
/// action, not a target; and the subject must name a quantity (率, 比例, 人数…), not 水平 or 差距.
/// </summary>
public sealed partial class DirectionRule : ITargetRule
{
    public IEnumerable<TargetCandidate> Match(Clause clause)
    {
        for (var m = Pattern().Match(clause.Folded); m.Success; m = m.NextMatch())
        {
            var (start, indicator) = IndicatorText.LeftOf(clause, m.Index);
            if (indicator.Length == 0 || !IndicatorText.EndsWithMeasure(indicator))
            {
                continue;
            }

            var comparator = m.Groups["verb"].Value is "下降" or "降低" or "减少" or "缩小" ? Comparator.Down : Comparator.Up;
            foreach (var name in Coordination.Split(indicator))
            {
                yield return new TargetCandidate(name, comparator, null, null, m.Index, start, m.Index + m.Length);
            }
        }
    }

    // The verb ends the phrase: not 提高到 (a value), not 上升趋势减缓, not 增长速度控制在….
    // 党政机关中女领导干部数量在现有基础上逐步增加: the baseline between subject and verb is not the subject.
    [GeneratedRegex(@"(?:在\s*(?:现有|原有|目前|20\d\d\s*年)的?\s*(?:基础|水平)上)?(?:逐步|逐年|不断|持续|明显|稳步|有所|显著|大幅|进一步|切实|全面|继续|均|都)*(?<verb>" + Vocabulary.UpVerbs + "|" + Vocabulary.DownVerbs + @")(?=\s*(?:$|[,，。；;、）)]|和|并|的?同时))")]
    private static partial Regex Pattern();
}
