using System.Text.RegularExpressions;

namespace PlanExtract.Extraction.Rules;

/// <summary>
/// A service radius in time or distance: 构建全市城乡15分钟健身圈, "15分钟生活圈", 十分钟公共文化服务圈
/// (≤15 分钟). The circle is what is measured.
/// </summary>
public sealed partial class ServiceRadiusRule : ITargetRule
{
    public IEnumerable<TargetCandidate> Match(Clause clause)
    {
        for (var i = 0; i < clause.Folded.Length; i++)
        {
            var q = QuantityReader.ReadAt(clause.Folded, i);
            if (q is null || q.Unit is not ("分钟" or "小时" or "公里"))
            {
                continue;
            }

            var circle = Circle().Match(clause.Folded, q.End);
            if (circle.Success)
            {
                var thing = clause.Text.Substring(circle.Groups["thing"].Index, circle.Groups["thing"].Length).Replace(" ", string.Empty, StringComparison.Ordinal);
                // 城市社区“15分钟生活圈”、农村社区“半小时生活圈”: the place the radius is for.
                var place = Place().Match(clause.Folded[..q.Start]);
                yield return new TargetCandidate(thing, Comparator.AtMost, q.Value, q.Unit, q.Start, place.Success ? place.Index : q.Start, circle.Index + circle.Length)
                {
                    Population = place.Success ? clause.Text.Substring(place.Index, place.Length).Trim() : null,
                };
            }

            i = q.End - 1;
        }
    }

    [GeneratedRegex(@"(?<=^|[,，、“""])[\p{IsCJKUnifiedIdeographs}]{0,4}(?:社区|城市|农村|乡村)(?=[“""]?$)")]
    private static partial Regex Place();

    [GeneratedRegex(@"\G\s*的?(?<thing>[\p{IsCJKUnifiedIdeographs}]{0,8}?圈)")]
    private static partial Regex Circle();
}
