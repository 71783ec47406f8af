using System.Text.RegularExpressions;
using PlanExtract.Model;

namespace PlanExtract.Segmentation.Rules;

/// <summary>
/// A plan's own title on a line of its own: "清远市清城区妇女发展规划（2021—2030年）",
/// "荔浦市妇女发展规划" (its period on the next line). A title quoted in 《》 or inside a
/// notice (关于印发…的通知) names a plan but does not start one.
/// </summary>
public static partial class PlanTitleRule
{
    public sealed record Match(PlanKind Kind, string Issuer, bool HasPeriod);

    public static Match? Recognize(PlanLine line)
    {
        var m = TitlePattern().Match(line.Folded);
        if (!m.Success)
        {
            return null;
        }

        var kind = m.Groups["kind"].Value == "妇女" ? PlanKind.Women : PlanKind.Children;
        return new Match(kind, m.Groups["issuer"].Value, m.Groups["period"].Success);
    }

    /// <summary>"（2021-2030年）" alone on the line after a title.</summary>
    public static bool IsPeriodLine(PlanLine line) => PeriodPattern().IsMatch(line.Folded);

    [GeneratedRegex(@"^(?<issuer>[\p{IsCJKUnifiedIdeographs}]{0,24}?)(?<kind>妇女|儿童)发展(?:规划|纲要)\s*(?<period>\(\s*\d{4}\s*[-—–－~至]+\s*\d{4}\s*年?\s*\))?$")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^\(\s*\d{4}\s*[-—–－~至]+\s*\d{4}\s*年?\s*\)$")]
    private static partial Regex PeriodPattern();
}
