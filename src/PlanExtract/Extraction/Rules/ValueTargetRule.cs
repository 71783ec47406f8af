using PlanExtract.Text;
using System.Text.RegularExpressions;

namespace PlanExtract.Extraction.Rules;

/// <summary>
/// INDICATOR VERB VALUE UNIT [BOUND]: 孕产妇死亡率下降到8/10万以下, 婚前医学检查率提高到65%,
/// 就业人员中的女性比例保持在45%左右, 普惠性幼儿园在园幼儿占比不低于85%. With 分别 the values are
/// distributed over the coordinated indicators; one value with coordinated complete names is shared.
/// </summary>
public sealed partial class ValueTargetRule : ITargetRule
{
    public IEnumerable<TargetCandidate> Match(Clause clause)
    {
        var floor = 0;
        string? previous = null;
        for (var verb = VerbPattern().Match(clause.Folded); verb.Success; verb = verb.NextMatch())
        {
            if (verb.Index < floor)
            {
                continue;
            }

            var afterVerb = verb.Index + verb.Length;
            if (Cadence().Match(clause.Folded, afterVerb) is { Success: true } cadence)
            {
                // 控制在年均1%以内: the cadence belongs to the value, not the indicator.
                afterVerb += cadence.Length;
            }

            var values = ReadValueList(clause.Folded, afterVerb, out var bound, out var end);
            if (values.Count == 0)
            {
                continue;
            }

            var verbText = verb.Groups["verb"].Value + verb.Groups["pre"].Value;

            if (verbText is "超过" or "高于" && DefinesAThing(clause.Folded, end))
            {
                // 日客流超过1万人次的交通枢纽, 建筑面积超过1万平方米或者…的其他场所: a definition, not a target.
                continue;
            }

            var (start, indicator) = IndicatorText.LeftOf(clause, verb.Index, floor);
            var objectAfter = ObjectAfter(clause, end);
            string? population = null;
            if (objectAfter is { } obj && !IndicatorText.EndsWithMeasure(indicator))
            {
                // 保障儿童每天至少1小时中等及以上强度的运动: the thing counted follows the number, the subject is who.
                population = Who().Match(indicator) is { Success: true } who ? who.Groups[1].Value : null;
                (indicator, end) = (obj.Text, obj.End);
                start = Math.Min(start, verb.Index);
            }

            if (values[0].Value.Unit == "%" && PlacesThatHave.Split(indicator) is { } places)
            {
                // 全市中小学、幼儿园、社区建立家长学校达到100%: the share of places that set the thing up.
                (indicator, population) = places;
            }
            else if (PopulationAfterMeasure().Match(PlanExtract.Text.CharFold.ToSimplified(indicator)) is { Success: true } split)
            {
                // 每天睡眠时间小学生达到10小时: the pupils are who, not what (matched in simplified script, sliced as written).
                (indicator, population) = (Slice(indicator, split.Groups["what"]), Slice(indicator, split.Groups["who"]));
            }
            else if (objectAfter is null && previous is not null && !IndicatorText.EndsWithMeasure(indicator) && indicator.Length <= 8 && !CountsThings(values[0].Value))
            {
                // 女厕位与男厕位的比例不小于1.5:1，人流量较大地区不小于2:1: the second names a place, not a measure.
                (indicator, population) = (previous, indicator);
            }

            if (indicator.Length == 0)
            {
                // "到2030年达到100%": the subject is the previous sentence's; the extractor fills it in.
                foreach (var (value, ownBound) in values)
                {
                    yield return new TargetCandidate(string.Empty, Comparators.Of(verbText, ownBound ?? bound), value.Value, value.Unit, value.Start, verb.Index, end);
                }

                floor = end;
                continue;
            }

            var distributive = verb.Groups["adv"].Value.Contains('分') || verb.Groups["adv"].Value.Contains('均');
            var names = Coordination.Split(indicator, values.Count, distributive);
            for (var i = 0; i < values.Count; i++)
            {
                var (value, ownBound) = values[i];
                var comparator = Comparators.Of(verbText, ownBound ?? bound);
                var names_i = values.Count == 1 ? names : [names.Count == values.Count ? names[i] : indicator];
                foreach (var name in names_i)
                {
                    yield return new TargetCandidate(name, comparator, value.Value, value.Unit, value.Start, start, end) { Population = population };
                }
            }

            floor = end;
            previous = indicator;

            // 每千名儿童拥有儿科执业（助理）医生达到1.12名、床位3.17张: a second value in the list names its own thing.
            foreach (var more in Continuations(clause, indicator, end))
            {
                yield return more with { TextStart = start };
                floor = more.TextEnd;
            }
        }
    }

    /// <summary>
    /// "3.0‰、5.0‰和6.0‰以下": values joined by 、 和 及 (never across a comma: "达到95%，3岁以下…" starts a
    /// new target); a bound after the last value applies to every value without its own ("4‰以下和6‰以下").
    /// A value without a unit counts only with a bound word (出生人口性别比保持在107以下).
    /// </summary>
    internal static List<(Quantity Value, string? Bound)> ReadValueList(string folded, int at, out string? bound, out int end)
    {
        var values = new List<(Quantity, string?)>();
        bound = null;
        end = at;
        var position = at;
        while (QuantityReader.ReadAt(folded, position) is { } q)
        {
            var own = BoundPattern().Match(folded, q.End);
            if (q.Unit is null && !q.IsRatio && !own.Success)
            {
                break;
            }

            // "、7岁以下儿童健康管理率": an age followed by who it is is a qualifier, not a value.
            var after = own.Success ? q.End + own.Length : q.End;
            if (q.Unit == "岁" && after < folded.Length && char.GetUnicodeCategory(folded[after]) == System.Globalization.UnicodeCategory.OtherLetter)
            {
                break;
            }

            values.Add((q, own.Success ? own.Groups[1].Value : null));
            end = own.Success ? q.End + own.Length : q.End;
            bound = own.Success ? own.Groups[1].Value : null;
            var join = JoinPattern().Match(folded, end);
            if (!join.Success || QuantityReader.ReadAt(folded, end + join.Length) is not { Unit: not null })
            {
                break;
            }

            position = end + join.Length;
        }

        return values;
    }

    /// <summary>
    /// 建成儿童友好社区(街区)不少于50个、…、儿童友好乡村不少于10个: a value in counters counts the thing
    /// named before it, which is then no place of the previous measure.
    /// </summary>
    internal static bool CountsThings(Quantity value) => value.Unit is { } unit && ThingCounter().IsMatch(unit);

    private static readonly char[] PhraseEnds = [',', '，', '。', '；', ';'];

    private static bool DefinesAThing(string folded, int end)
    {
        var stop = folded.IndexOfAny(PhraseEnds, end);
        var phrase = folded.AsSpan(end, (stop < 0 ? folded.Length : stop) - end);
        return phrase.Contains('的');
    }

    private static (string Text, int End)? ObjectAfter(Clause clause, int at)
    {
        var m = ObjectPattern().Match(clause.Folded, at);
        if (!m.Success)
        {
            return null;
        }

        var text = clause.Text.Substring(m.Groups[1].Index, m.Groups[1].Length).Replace(" ", string.Empty, StringComparison.Ordinal);
        return text.Length >= 2 ? (text, m.Groups[1].Index + m.Groups[1].Length) : null;
    }

    internal static IEnumerable<TargetCandidate> Continuations(Clause clause, string indicator, int at)
    {
        var prefixEnd = indicator.IndexOf("拥有", StringComparison.Ordinal);
        var prefix = prefixEnd >= 0 ? indicator[..(prefixEnd + 2)] : string.Empty;
        var position = at;
        while (ContinuationPattern().Match(clause.Folded, position) is { Success: true } m)
        {
            var q = QuantityReader.ReadAt(clause.Folded, m.Index + m.Length);
            if (q?.Unit is null)
            {
                yield break;
            }

            var bound = BoundPattern().Match(clause.Folded, q.End);
            var end = bound.Success ? q.End + bound.Length : q.End;
            var noun = clause.Text.Substring(m.Groups["noun"].Index, m.Groups["noun"].Length).Trim();
            var comparator = Comparators.Of(m.Groups["verb"].Value, bound.Success ? bound.Groups[1].Value : null);
            if (prefix.Length == 0 && !IndicatorText.EndsWithMeasure(noun) && !CountsThings(q))
            {
                // 小学生达到10小时、初中生达到9小时: the same measure for another group (but 、儿童友好乡村不少于10个 counts its own thing).
                yield return new TargetCandidate(indicator, comparator, q.Value, q.Unit, q.Start, m.Index, end) { Population = noun };
            }
            else
            {
                yield return new TargetCandidate(prefix + noun, comparator, q.Value, q.Unit, q.Start, m.Index, end);
            }

            position = end;
        }
    }

    [GeneratedRegex("(?<adv>(?:" + Vocabulary.VerbAdverbs + ")*)(?<pre>至少|不少于)?(?<verb>" + Vocabulary.ValueVerbs + ")")]
    private static partial Regex VerbPattern();

    [GeneratedRegex(@"^([\p{IsCJKUnifiedIdeographs}]{1,6}?)(?:每天|每周|每年|平均)*$")]
    private static partial Regex Who();

    [GeneratedRegex(@"^(?<what>.+?(?:时间|时长))(?<who>小学生|初中生|高中生|中学生|学生|儿童|幼儿)$")]
    private static partial Regex PopulationAfterMeasure();

    [GeneratedRegex("^(?:" + Vocabulary.ThingCounters + ")$")]
    private static partial Regex ThingCounter();

    [GeneratedRegex(@"\G\s*(?:年均|平均|每年)")]
    private static partial Regex Cadence();

    [GeneratedRegex(@"\G\s*(?:、|和|及|与)\s*")]
    private static partial Regex JoinPattern();

    [GeneratedRegex(@"\G\s*(" + Vocabulary.BoundAfter + ")")]
    private static partial Regex BoundPattern();

    [GeneratedRegex(@"\G\s*的?([\p{IsCJKUnifiedIdeographs}（）()]{2,20}?)\s*(?=$|[,，。；;、])")]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"\G\s*、\s*(?<noun>[\p{IsCJKUnifiedIdeographs}（）()]{1,12}?)\s*(?<verb>达到|增至|提高到|不少于|不低于|至少)?\s*(?=\d|[一二两三四五六七八九十]+[个所名张间])")]
    private static partial Regex ContinuationPattern();

    private static string Slice(string text, Group g) => text.Substring(g.Index, g.Length);
}
