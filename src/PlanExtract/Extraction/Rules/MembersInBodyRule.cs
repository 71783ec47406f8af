using System.Text.RegularExpressions;

namespace PlanExtract.Extraction.Rules;

/// <summary>
/// A body with a count of members from a group: 旗县市区以上党政领导班子中各有1名以上女干部 (通辽市)
/// → 旗县市区以上党政领导班子中女干部 ≥ 1 名. The indicator is the body and who is counted.
/// </summary>
public sealed partial class MembersInBodyRule : ITargetRule
{
    public IEnumerable<TargetCandidate> Match(Clause clause)
    {
        for (var m = Pattern().Match(clause.Folded); m.Success; m = m.NextMatch())
        {
            var q = QuantityReader.ReadAt(clause.Folded, m.Groups["q"].Index);
            if (q?.Unit is not ("名" or "人"))
            {
                continue;
            }

            var (start, body) = IndicatorText.LeftOf(clause, m.Groups["in"].Index + 1);
            if (body.Length < 3)
            {
                continue;
            }

            var who = clause.Text.Substring(m.Groups["who"].Index, m.Groups["who"].Length);
            var atLeast = m.Groups["bound"].Success || m.Groups["atLeast"].Success;
            yield return new TargetCandidate(body + who, atLeast ? Comparator.AtLeast : Comparator.Equal, q.Value, q.Unit, q.Start, start, m.Index + m.Length);
        }
    }

    [GeneratedRegex(@"(?<in>中)\s*(?:各|均|都)?\s*(?<atLeast>至少)?\s*(?:有|配备)\s*(?<q>\d+\s*[名人])\s*(?<bound>以上|及以上)?\s*(?<who>女[\p{IsCJKUnifiedIdeographs}]{1,6}?)(?=$|[,，。；;、])")]
    private static partial Regex Pattern();
}
