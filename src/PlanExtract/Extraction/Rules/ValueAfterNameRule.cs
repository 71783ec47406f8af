using System.Text.RegularExpressions;
using PlanExtract.Text;

namespace PlanExtract.Extraction.Rules;

/// <summary>
/// A measurable name followed by its value with no verb: 幼儿园新增普惠托班数176个、新增托位数3520个.
/// Without a verb the value must count things (个, 所, 名…) or carry a bound word (以上, 以下), so a
/// bare statistic (孕产妇系统管理率92.13%) is not taken for a commitment. A following name that
/// repeats a word of the first (新增托位数) takes the first one's subject (幼儿园新增托位数).
/// </summary>
public sealed partial class ValueAfterNameRule : ITargetRule
{
    public IEnumerable<TargetCandidate> Match(Clause clause)
    {
        var floor = 0;
        foreach (Match m in NameThenNumber().Matches(clause.Folded))
        {
            var nameEnd = m.Index + m.Length;
            if (nameEnd < floor || Read(clause.Folded, nameEnd) is not { } first)
            {
                continue;
            }

            var (start, indicator) = IndicatorText.LeftOf(clause, nameEnd, floor);
            if (indicator.Length < 3 || !IndicatorText.EndsWithMeasure(indicator) || IndicatorSubject.StartsWithVerb(indicator))
            {
                continue;
            }

            yield return new TargetCandidate(indicator, first.Comparator, first.Value.Value, first.Value.Unit, first.Value.Start, start, first.End);
            var position = first.End;
            while (NextName().Match(clause.Folded, position) is { Success: true } next && Read(clause.Folded, next.Index + next.Length) is { } more)
            {
                var name = clause.Text.Substring(next.Groups["name"].Index, next.Groups["name"].Length).Replace(" ", string.Empty, StringComparison.Ordinal);
                yield return new TargetCandidate(WithSubject(indicator, name), more.Comparator, more.Value.Value, more.Value.Unit, more.Value.Start, start, more.End);
                position = more.End;
            }

            floor = position;
        }
    }

    private static (Quantity Value, string Comparator, int End)? Read(string folded, int at)
    {
        if (QuantityReader.ReadAt(folded, at) is not { Unit: { } unit } q || q.Start > at + 1)
        {
            return null;
        }

        var bound = Bound().Match(folded, q.End);
        if (!bound.Success && !Counter().IsMatch(unit))
        {
            return null;
        }

        return (q, Comparators.Of(string.Empty, bound.Success ? bound.Groups[1].Value : null), bound.Success ? q.End + bound.Length : q.End);
    }

    /// <summary>新增托位数 after 幼儿园新增普惠托班数: the words before the shared one (新增) are the subject.</summary>
    private static string WithSubject(string first, string name)
    {
        var shared = CharFold.ToSimplified(first).IndexOf(CharFold.ToSimplified(name[..2]), StringComparison.Ordinal);
        return shared > 0 ? first[..shared] + name : name;
    }

    [GeneratedRegex(@"(?:" + Vocabulary.MeasureHeads + @")(?=\s*\d)")]
    private static partial Regex NameThenNumber();

    [GeneratedRegex(@"\G\s*、\s*(?<name>[\p{IsCJKUnifiedIdeographs}]{2,12}?(?:" + Vocabulary.MeasureHeads + @"))(?=\s*\d)")]
    private static partial Regex NextName();

    [GeneratedRegex(@"\G\s*(" + Vocabulary.BoundAfter + ")")]
    private static partial Regex Bound();

    [GeneratedRegex("^(?:" + Vocabulary.Counters + ")$")]
    private static partial Regex Counter();
}
