using PlanExtract.Text;
using System.Text.RegularExpressions;

namespace PlanExtract.Extraction;

/// <summary>
/// Splits coordinated indicators and rebuilds each full name from what they share:
/// 新生儿、婴儿和5岁以下儿童死亡率 → 新生儿死亡率, 婴儿死亡率, 5岁以下儿童死亡率;
/// 孕产妇艾滋病、梅毒和乙肝检测率 → 孕产妇艾滋病检测率, 孕产妇梅毒检测率, 孕产妇乙肝检测率;
/// 3岁以下儿童系统管理率和7岁以下儿童健康管理率 → both, as written.
/// 及 never splits (65岁及以上老年人, 孕产妇及所生儿童). Long coordinated subjects (企业董事会、监事会成员及管理层中的女性比例) name one national indicator and stay whole.
/// </summary>
public static partial class Coordination
{
    /// <summary>Splits when <paramref name="count"/> values are distributed (分别) or when the parts are plainly separate indicators.</summary>
    public static IReadOnlyList<string> Split(string indicator, int count = 1, bool distributive = false)
    {
        var parts = SplitParts(indicator);
        if (parts.Count < 2)
        {
            return [indicator];
        }

        // 孕产妇中、重度贫血患病率: one character before 、 is a degree (中度、重度), not a topic.
        // 感染艾滋病和梅毒的孕产妇及所生儿童…比例: the 和 sits inside a modifier of one population.
        if (parts.Skip(1).Any(p => Degree().IsMatch(p)) || ModifierOfOne().IsMatch(parts[^1]))
        {
            return [indicator];
        }

        if (count > 1 && parts.Count != count)
        {
            return [indicator];
        }

        var heads = parts.Take(parts.Count - 1).Count(p => IndicatorText.EndsWithMeasure(S(p)));
        if (heads == parts.Count - 1 && (IndicatorText.EndsWithMeasure(S(parts[^1])) || RateTail().IsMatch(S(parts[^1]))))
        {
            return SharePrefix(parts);
        }

        // Members of two bodies (区直机关和镇（街道）领导班子中女干部比例) make one national indicator.
        if (heads > 0 || MembersShare().IsMatch(S(parts[^1])))
        {
            return [indicator];
        }

        // Short topics (diseases, groups) before a shared measure: 艾滋病、梅毒和乙肝 …检测率; counts add up (托育机构和托位数量).
        var shortTopics = parts.Take(parts.Count - 1).All(p => VisibleLength(p) <= 4 || PopulationPrefix().Match(S(p)) is { Success: true } m && VisibleLength(p) - m.Length <= 4);
        if (!(count > 1 || distributive || shortTopics || CountWord().IsMatch(S(parts[^1]))))
        {
            return [indicator];
        }

        var last = parts[^1];
        // Two parts sharing one value (0—6岁儿童眼保健和视力检查覆盖率) are read whole-word: the topic is as
        // long as the part before; longer lists take the shortest topic (梅毒、艾滋病和乙肝|母婴传播率).
        var topicLength = parts.Count == 2 && count == 1 && !distributive ? VisibleLength(parts[0]) : parts.Take(parts.Count - 1).Min(Topic);
        var suffix = SharedSuffix(last, parts[^2], topicLength);
        if (suffix.Length == 0 || suffix.Length == last.Length)
        {
            return [indicator];
        }

        var prefix = PopulationPrefix().Match(S(parts[0])) is { Success: true } p && p.Length < parts[0].Length ? parts[0][..p.Length] : string.Empty;
        var names = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var name = i == parts.Count - 1 ? last : parts[i] + suffix;
            if (i > 0 && prefix.Length > 0 && !name.StartsWith(prefix, StringComparison.Ordinal) && !PopulationPrefix().IsMatch(S(name)))
            {
                name = prefix + name;
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>
    /// The words matched in simplified script, one char for one, while the names stay as written:
    /// "孕產婦艾滋病、梅毒和乙肝檢測率" splits like 孕产妇艾滋病、梅毒和乙肝检测率 (issue 11).
    /// </summary>
    private static string S(string text) => PlanExtract.Text.CharFold.ToSimplified(text);

    private static List<string> SplitParts(string indicator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < indicator.Length; i++)
        {
            var c = indicator[i];
            if (c is '(' or '（')
            {
                depth++;
            }
            else if (c is ')' or '）')
            {
                depth--;
            }
            else if (depth == 0 && (c is '、' or '和') && i > start)
            {
                parts.Add(indicator[start..i]);
                start = i + 1;
            }
        }

        parts.Add(indicator[start..]);
        return parts.Where(p => p.Length > 0).ToList();
    }

    /// <summary>What the last part shares with the others: what follows its topic.</summary>
    private static string SharedSuffix(string last, string previous, int topicLength)
    {
        // A population word later in the last part starts the shared part: 梅毒|孕产妇感染者治疗率.
        var population = PopulationWord().Match(S(last), 1);
        var age = AgePrefix().Match(S(last));
        if (population.Success && previous.Length <= 4 && population.Index >= 2 && !age.Success && !S(previous).Contains(population.Value, StringComparison.Ordinal))
        {
            return last[population.Index..];
        }

        var topic = (age.Success ? age.Length : 0) + topicLength;
        if (topic < last.Length - 1)
        {
            return last[topic..];
        }

        // Only counts add up across things (托育机构和托位数量); a rate over two activities is one
        // indicator (0—6岁儿童眼保健和视力检查覆盖率).
        return CountWord().Match(S(last)) is { Success: true } m ? last.Substring(m.Index, m.Length) : string.Empty;
    }

    /// <summary>Complete names may still share a population in front: 5岁以下儿童贫血率和生长迟缓率.</summary>
    private static List<string> SharePrefix(List<string> parts)
    {
        var prefix = PopulationPrefix().Match(S(parts[0])) is { Success: true } p && p.Length < parts[0].Length ? parts[0][..p.Length] : string.Empty;

        // 超重率和肥胖率年均增幅: what follows the last rate is shared too.
        var tail = RateTail().Match(S(parts[^1])) is { Success: true } t ? parts[^1].Substring(t.Groups["tail"].Index, t.Groups["tail"].Length) : string.Empty;
        return [.. parts.Select((part, i) =>
            (i > 0 && prefix.Length > 0 && !PopulationPrefix().IsMatch(S(part)) ? prefix + part : part)
            + (i < parts.Count - 1 && tail.Length > 0 && part.EndsWith('率') ? tail : string.Empty))];
    }

    [GeneratedRegex(@"^(?:\d+\s*[-—–~至]?\s*\d*\s*岁(?:以下|以上|及以上)?)?(?:" + Vocabulary.PopulationWords + ")")]
    private static partial Regex PopulationPrefix();

    [GeneratedRegex(@"孕产妇|新生儿|婴幼儿|儿童|学生|妇女|女性")]
    private static partial Regex PopulationWord();

    [GeneratedRegex(@"^\d+\s*[-—–~至]?\s*\d*\s*岁(?:以下|以上|及以上)?")]
    private static partial Regex AgePrefix();

    /// <summary>
    /// How long a coordinated topic is, without a population in front (孕产妇梅毒 → 梅毒): the last part's
    /// topic is taken as long as the shortest one before it (梅毒、艾滋病和乙肝|母婴传播率).
    /// </summary>
    private static int Topic(string part) =>
        VisibleLength(part) - (PopulationPrefix().Match(S(part)) is { Success: true } m && m.Length < part.Length ? m.Length : 0);

    /// <summary>Length without parenthesised notes: 中小学（含中职） is a three-character topic.</summary>
    private static int VisibleLength(string part) => Parenthesised().Replace(part, string.Empty).Length;

    [GeneratedRegex(@"[(（][^)）]*[)）]")]
    private static partial Regex Parenthesised();

    [GeneratedRegex("^[轻中重高低]度")]
    private static partial Regex Degree();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,4}的(?:" + Vocabulary.PopulationWords + ")")]
    private static partial Regex ModifierOfOne();

    [GeneratedRegex(@"中的?女")]
    private static partial Regex MembersShare();

    [GeneratedRegex(@"(?:数量|人数)$")]
    private static partial Regex CountWord();

    [GeneratedRegex(@"率(?<tail>[\p{IsCJKUnifiedIdeographs}]{1,6}(?:增幅|比例))$")]
    private static partial Regex RateTail();
}
