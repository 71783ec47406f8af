using System.Text.RegularExpressions;
using PlanExtract.Text;

namespace PlanExtract.Segmentation.Rules;

/// <summary>
/// A development domain's name, whatever numbers it: "妇女与健康", "儿童与安全", "妇女参与决策和管理",
/// "兒童與教育". Plans without the part heading (二、发展领域、主要目标和策略措施) put the domains
/// straight after the title, numbered （一）, 一、, 1. or not at all; the name itself says it is one.
/// </summary>
public static partial class DomainNameRule
{
    /// <summary>The bare name when the heading text is a domain name (trailing 。 or ： taken off), else null.</summary>
    public static string? Recognize(string title)
    {
        var bare = title.Trim().TrimEnd(HeadingEnds).Trim();
        var simplified = CharFold.ToSimplified(bare);
        return Pattern().IsMatch(simplified) && !ProjectWord().IsMatch(simplified) ? simplified : null;
    }

    // Held once: a params array of them would be made for every line.
    private static readonly char[] HeadingEnds = ['。', '.', '：', ':', '；'];

    /// <summary>Which plan a domain belongs to: "儿童与家庭" is the children's plan's.</summary>
    public static bool IsChildren(string name) => name.StartsWith("儿童", StringComparison.Ordinal);

    // "与" joins the group to the field; "参与" names the one domain built the other way round.
    // Ten characters at most: "妇女与健康领域的主要目标" is a sentence, not a name.
    [GeneratedRegex(@"^(?:妇女|儿童|女性)(?:与|参与)[\p{IsCJKUnifiedIdeographs}、和]{1,10}$")]
    private static partial Regex Pattern();

    // "（三）妇女参与基层治理项目" (宝安, 重点项目) names a key project, not a domain.
    [GeneratedRegex(@"(?:项目|工程|计划|行动|活动)$")]
    private static partial Regex ProjectWord();
}
