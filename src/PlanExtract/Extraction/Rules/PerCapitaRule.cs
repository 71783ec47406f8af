using System.Text.RegularExpressions;

namespace PlanExtract.Extraction.Rules;

/// <summary>
/// Per-capita provision with the number after the thing and no verb: 每千名儿童至少拥有儿科执业
/// （助理）医生1.12名、床位3.17张 (≥1.12名, ≥3.17张). With a verb (拥有…医生达到1.12名) the value rule reads it.
/// </summary>
public sealed partial class PerCapitaRule : ITargetRule
{
    public IEnumerable<TargetCandidate> Match(Clause clause)
    {
        for (var m = Pattern().Match(clause.Folded); m.Success; m = m.NextMatch())
        {
            var q = QuantityReader.ReadAt(clause.Folded, m.Index + m.Length);
            if (q?.Unit is null)
            {
                continue;
            }

            var indicator = (clause.Text.Substring(m.Groups["who"].Index, m.Groups["who"].Length) + "拥有"
                + clause.Text.Substring(m.Groups["thing"].Index, m.Groups["thing"].Length)).Replace(" ", string.Empty, StringComparison.Ordinal);
            var comparator = m.Groups["pre"].Success ? Comparator.AtLeast : Comparator.Equal;
            yield return new TargetCandidate(indicator, comparator, q.Value, q.Unit, q.Start, m.Index, q.End);
            foreach (var more in ValueTargetRule.Continuations(clause, indicator, q.End))
            {
                yield return more with { Comparator = comparator, TextStart = m.Index };
            }
        }
    }

    [GeneratedRegex(@"(?<who>每[千万百][\p{IsCJKUnifiedIdeographs}]{1,6}?)(?<pre>至少)?拥有(?<thing>[^,，。；、\d\s]{1,20}?(?<!达到|达|为|增至|提高到|不少于|不低于|至少|不超过|保持在|稳定在|控制在))\s*(?=\d)")]
    private static partial Regex Pattern();
}
