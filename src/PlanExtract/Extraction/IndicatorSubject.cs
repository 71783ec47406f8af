using PlanExtract.Text;
using System.Text.RegularExpressions;
using PlanExtract.Model;

namespace PlanExtract.Extraction;

/// <summary>
/// Makes a written indicator a noun phrase naming a measurable quantity. A bare generic head takes
/// its subject from the clause or the item's lead sentence: 指导镇（街道）设立未成年人保护工作站，覆盖率
/// 达到50%以上 → 未成年人保护工作站覆盖率. An action word in front is dropped: 探索按照… → ….
/// </summary>
public static partial class IndicatorSubject
{
    /// <summary>覆盖率, 比例, 占比 alone name no quantity.</summary>
    public static bool IsBareGenericHead(string indicator) => GenericHead().IsMatch(CharFold.ToSimplified(indicator));

    /// <summary>推进…, 鼓励…, 按照…: an action or a preposition, not the name of a quantity.</summary>
    public static bool StartsWithVerb(string indicator) => LeadingVerb().IsMatch(CharFold.ToSimplified(indicator));

    /// <summary>The indicator with its subject supplied and leading verbs dropped (unchanged when it already names a quantity).</summary>
    public static string Complete(string indicator, Clause clause, int textStart, Item item)
    {
        // Words are matched in simplified script, folded once (one character for one, so its
        // positions are the written text's), names kept as written.
        var simple = CharFold.ToSimplified(indicator);
        var start = 0;
        while (LeadingVerb().Match(simple, start, simple.Length - start) is { Success: true } verb && simple.Length - start - verb.Length >= 3)
        {
            start += verb.Length;
        }

        var trimmed = indicator[start..];
        if (!GenericHead().Match(simple, start, simple.Length - start).Success)
        {
            return trimmed;
        }

        var subject = SubjectBefore(clause.Text[..Math.Clamp(textStart, 0, clause.Text.Length)]) ?? SubjectOfLead(item.Text);
        return subject is null ? trimmed : subject + trimmed;
    }

    /// <summary>The object of the last building verb in the phrase before: 设立未成年人保护工作站，覆盖率… → 未成年人保护工作站.</summary>
    private static string? SubjectBefore(string before)
    {
        var phrase = before.TrimEnd(' ', ',', '，', '、', '：', ':');
        var m = ObjectOfVerb().Match(CharFold.ToSimplified(phrase));
        var found = m.Groups["object"];
        return m.Success ? Clean(phrase.Substring(found.Index, found.Length)) : null;
    }

    /// <summary>The item's lead sentence names its topic: （3）加强儿童之家建设。…覆盖率达到95% → 儿童之家.</summary>
    private static string? SubjectOfLead(string itemText)
    {
        var end = itemText.IndexOfAny(['。', '；', ';', '，', ',']);
        if (end <= 0)
        {
            return null;
        }

        var lead = itemText[..end];
        var simple = CharFold.ToSimplified(lead);
        var start = 0;
        while (LeadingVerb().Match(simple, start, simple.Length - start) is { Success: true } verb && start + verb.Length < simple.Length)
        {
            start += verb.Length;
        }

        lead = lead[start..^TopicTail().Match(simple, start, simple.Length - start).Length];
        return lead.Length is >= 2 and <= 12 && !lead.Any(char.IsDigit) ? Clean(lead) : null;
    }

    private static string Clean(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimStart('的').TrimEnd('等', '的');

    [GeneratedRegex("^(?:" + Vocabulary.GenericHeads + ")$")]
    private static partial Regex GenericHead();

    [GeneratedRegex("^(?:" + Vocabulary.LeadingVerbs + ")")]
    private static partial Regex LeadingVerb();

    [GeneratedRegex(@"(?:设立|建立|建设|建成|配备|开设|设置|推行|开展|建有|设有)(?<object>[\p{IsCJKUnifiedIdeographs}（）()]{2,16})$")]
    private static partial Regex ObjectOfVerb();

    [GeneratedRegex(@"(?:建设|工作|服务|体系|机制|水平|能力)+$")]
    private static partial Regex TopicTail();
}
