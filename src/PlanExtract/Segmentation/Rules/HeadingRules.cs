using System.Text.RegularExpressions;
using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Segmentation.Rules;

/// <summary>"一、总体要求", "三、重点工程": the plan's top-level parts.</summary>
public static partial class PartHeadingRule
{
    public sealed record Match(int Number, string Title);

    public static Match? Recognize(PlanLine line)
    {
        var m = Pattern().Match(line.Folded);
        if (!m.Success || ChineseNumber.Parse(m.Groups[1].Value) is not { } number)
        {
            return null;
        }

        // A part heading is a title, not a sentence: "一、清远市清城区人民政府办公室关于…" in a
        // gazette's contents list is long and never sits inside a plan anyway.
        var title = line.Text[m.Groups[2].Index..].Trim();
        return title.Length <= 30 && !title.Contains('。', StringComparison.Ordinal) ? new Match(number, title) : null;
    }

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})\s*[、.]\s*(\S.*)$")]
    private static partial Regex Pattern();
}

/// <summary>"（一）妇女与健康。", "(二) 妇女与教育", "（一）坚持党的全面领导。坚持…": the second level.</summary>
public static partial class SubHeadingRule
{
    /// <param name="Title">The words up to the first full stop.</param>
    /// <param name="Body">What follows the title on the same line: empty for a bare heading.</param>
    public sealed record Match(int Number, string Title, string Body, string Rest);

    public static Match? Recognize(PlanLine line)
    {
        var m = Pattern().Match(line.Folded);
        if (!m.Success || ChineseNumber.Parse(m.Groups[1].Value) is not { } number)
        {
            return null;
        }

        var rest = line.Text[m.Groups[2].Index..].Trim();
        var stop = rest.IndexOfAny(TitleEnds);
        var title = (stop < 0 ? rest : rest[..stop]).Trim();
        var body = stop < 0 ? string.Empty : rest[(stop + 1)..].Trim();
        return new Match(number, title, body, rest);
    }

    // Held once: a collection expression here made an array for every line.
    private static readonly char[] TitleEnds = ['。', '：', ':'];

    [GeneratedRegex(@"^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*(.*)$")]
    private static partial Regex Pattern();
}

/// <summary>
/// "主要目标：", "#### 2. 主要指标", "3. 策略措施。", "（一）主要目标", "总目标": a domain's sections
/// (and, in a plan read without domains, the plan's). The older plans' 主要措施 is a measure.
/// </summary>
public static partial class SectionHeadingRule
{
    public static (SectionKind Kind, string Heading)? Recognize(PlanLine line)
    {
        var m = Pattern().Match(line.Folded);
        if (!m.Success)
        {
            return null;
        }

        var heading = CharFold.ToSimplified(line.Text.Substring(m.Groups[1].Index, m.Groups[1].Length));
        return (KindOf(heading), heading);
    }

    public static SectionKind KindOf(string heading) =>
        heading.Contains("措施", StringComparison.Ordinal) ? SectionKind.Measure
        : heading.Contains("重点", StringComparison.Ordinal) ? SectionKind.Project
        : heading.Contains("具体目标", StringComparison.Ordinal) ? SectionKind.Other
        : SectionKind.Goal;

    [GeneratedRegex(@"^(?:\d{1,2}\s*[.、]\s*|\(\s*[一二三四五六七八九十\d]{1,2}\s*\)\s*|[一二三四五六七八九十]{1,2}\s*、\s*)?(主要目标|主要指标|策略措施|主要目标指标|主要措施|总目标|总体目标|具体目标)\s*[:。.]?$")]
    private static partial Regex Pattern();
}

/// <summary>"——加强…", "— 完善…", "• …": a bullet starts an item of its own, numbered in order.</summary>
public static partial class BulletRule
{
    public static string? Recognize(PlanLine line)
    {
        var m = Pattern().Match(line.Folded);
        return m.Success ? line.Text[m.Groups[1].Index..].Trim() : null;
    }

    [GeneratedRegex(@"^(?:——|—|–|•|●|■|◆|▪)\s*(\S.*)$")]
    private static partial Regex Pattern();
}

/// <summary>Numbered items in every form the plans use: "1." "1、" "（1）" "(1)" "①".</summary>
public static partial class ItemNumberRule
{
    public sealed record Match(int Number, string Rest);

    public static Match? Recognize(PlanLine line)
    {
        var m = Pattern().Match(line.Folded);
        if (!m.Success)
        {
            return null;
        }

        var number = m.Groups["n"].Success
            ? int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)
            : m.Groups["c"].Value[0] - '①' + 1;
        return new Match(number, line.Text[m.Groups["rest"].Index..].Trim());
    }

    // "1.12名" is a number, not item 1: the dot must not be followed by a digit. ASCII digits only
    // (full-width ones are folded to them): \d also takes digits of other scripts int.Parse refuses.
    [GeneratedRegex(@"^(?:(?<n>[0-9]{1,2})\s*(?:[.、](?![0-9])|\.(?=\s))|\(\s*(?<n>[0-9]{1,2})\s*\)|(?<c>[①-⑳]))\s*(?<rest>.*)$")]
    private static partial Regex Pattern();
}

/// <summary>What follows a plan in a gazette or web page: 公开方式, 抄送, an issuing date, site footers.</summary>
public static partial class TrailerRule
{
    public static bool Recognize(PlanLine line) => Pattern().IsMatch(line.Folded);

    [GeneratedRegex(@"^(?:公开方式|抄送|主送|扫一扫|网站备案|网站标识|网站地图|版权所有|主办[:：]|分享到|\d{4}年\d{1,2}月\d{1,2}日(?:印发|发布)?$)")]
    private static partial Regex Pattern();
}
