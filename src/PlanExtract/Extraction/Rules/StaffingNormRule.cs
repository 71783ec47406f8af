using PlanExtract.Text;
using System.Text.RegularExpressions;

namespace PlanExtract.Extraction.Rules;

/// <summary>
/// A staffing norm, a count per base population: 探索按照每5000个家庭不少于1名婚姻家庭领域社工的标准
/// (宝安区), 按照每万人不少于N名社会工作者的标准配备. What is measured is the count per base, so the
/// indicator is the base and the thing with 数: 每5000个家庭婚姻家庭领域社工数 ≥ 1 名, never 标准配备.
/// </summary>
public sealed partial class StaffingNormRule : ITargetRule
{
    public IEnumerable<TargetCandidate> Match(Clause clause)
    {
        for (var m = Pattern().Match(clause.Folded); m.Success; m = m.NextMatch())
        {
            var q = QuantityReader.ReadAt(clause.Folded, m.Groups["q"].Index);
            if (q?.Unit is not ("名" or "人" or "个" or "所" or "张" or "间"))
            {
                continue;
            }

            var baseText = Slice(clause, m.Groups["base"]);
            var thing = Slice(clause, m.Groups["thing"]);
            var comparator = m.Groups["atLeast"].Success ? Comparator.AtLeast : Comparator.Equal;
            yield return new TargetCandidate("每" + baseText + thing + "数", comparator, q.Value, q.Unit, q.Start, m.Index, m.Index + m.Length);
        }
    }

    private static string Slice(Clause clause, Group g) => clause.Text.Substring(g.Index, g.Length).Replace(" ", string.Empty, StringComparison.Ordinal);

    // The thing runs to 的标准/的比例 (或根据实际需求配备社工 follows) or to the end of the phrase.
    [GeneratedRegex(@"每\s*(?<base>(?:\d+|[十百千万]+)\s*(?:个|名|户)?[\p{IsCJKUnifiedIdeographs}]{1,6}?)\s*(?:(?<atLeast>" + Vocabulary.AtLeast + @"|至少)|配备|配置|有)+\s*(?<q>\d+(?:\.\d+)?\s*[名人个所张间])\s*(?<thing>[\p{IsCJKUnifiedIdeographs}（）()]{2,16}?)(?=的(?:标准|比例|要求)|$|[,，。；;、])")]
    private static partial Regex Pattern();
}
