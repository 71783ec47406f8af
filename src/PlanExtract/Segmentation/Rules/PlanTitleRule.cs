using System.Text.RegularExpressions;
using PlanExtract.Model;

namespace PlanExtract.Segmentation.Rules;

/// <summary>
/// A plan's own title on a line of its own, in every shape the plans take:
/// "清远市清城区妇女发展规划（2021—2030年）", "荔浦市妇女发展规划" (its period on the next line),
/// "××县“十四五”儿童发展规划", "××市妇女发展纲要（2011—2020年）", "××区儿童发展规划（2021—2030年）实施方案",
/// "《××旗妇女发展规划（2021—2030年）》", and "××县妇女儿童发展规划" (two plans under one title).
/// A title inside a notice (关于印发…的通知, 现将《…》印发给你们) names a plan but does not start one.
/// </summary>
public static partial class PlanTitleRule
{
    /// <param name="Combined">妇女儿童发展规划: the women's and the children's plan under one title.</param>
    public sealed record Match(PlanKind Kind, string Issuer, bool HasPeriod, bool Combined = false);

    public static Match? Recognize(PlanLine line) => Recognize(line.Folded);

    public static Match? Recognize(string folded)
    {
        var m = TitlePattern().Match(folded.Trim());
        if (!m.Success)
        {
            return null;
        }

        // "河南省妇女发展规划和河南省儿童发展规划" names two plans; its tail is no title.
        if (NotAnIssuer().IsMatch(m.Groups["issuer"].Value))
        {
            return null;
        }

        var kind = m.Groups["kind"].Value;
        return new Match(
            kind.StartsWith("妇女", StringComparison.Ordinal) ? PlanKind.Women : PlanKind.Children,
            m.Groups["issuer"].Value,
            m.Groups["period"].Success || m.Groups["era"].Success || m.Groups["task"].Success,
            kind == "妇女儿童");
    }

    /// <summary>The title as a plan's name: without the 《》 a page set round it or the 全文 a reprint added.</summary>
    public static string Name(string written)
    {
        var name = written.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal)
            .Replace("《", string.Empty, StringComparison.Ordinal).Replace("》", string.Empty, StringComparison.Ordinal).TrimStart('#');
        name = FileSuffixPattern().Replace(name, string.Empty);
        return name.EndsWith("全文", StringComparison.Ordinal) ? name[..^2] : name;
    }

    /// <summary>
    /// The one plan a notice names ("上海市闵行区人民政府关于印发闵行区妇女发展“十二五”规划的通知"): the
    /// title of a text that has no title line of its own. Null when the line names none or two.
    /// </summary>
    public static (Match Match, string Title)? NamedInNotice(string folded, string written)
    {
        var m = NoticePattern().Match(folded);
        if (!m.Success || folded.Length != written.Length)
        {
            return null;
        }

        var name = m.Groups["name"];
        return Recognize(name.Value) is { Combined: false } match ? (match, Name(written.Substring(name.Index, name.Length))) : null;
    }

    /// <summary>"（2021-2030年）" alone on the line after a title.</summary>
    public static bool IsPeriodLine(PlanLine line) => IsPeriod(line.Folded);

    public static bool IsPeriod(string folded) => PeriodPattern().IsMatch(folded.Trim());

    /// <summary>
    /// The title with its period at the start of a longer line: where a run-in line is cut after the
    /// title ("中国儿童发展纲要(2011-2020年) 儿童时期是…"). Not in 《》: "《诸暨市妇女发展规划(2016—2020年)》确定了…"
    /// cites a plan in a sentence.
    /// </summary>
    public static int TitleLengthAtStart(string folded)
    {
        var m = TitleAtStartPattern().Match(folded);
        return m.Success && !NotAnIssuer().IsMatch(m.Groups["issuer"].Value) ? m.Length : 0;
    }

    /// <summary>
    /// Where a title with its period starts inside a run-in line: after a full stop or an issuing
    /// date, as a captured page runs "…深圳市宝安区人民政府2022年7月1日深圳市宝安区妇女发展规划（2021—2030年）前言…".
    /// </summary>
    public static IEnumerable<int> TitleStartsInside(string folded)
    {
        // Every title holds 发展, 规划 or 纲要, and the ( of its period; the pattern, led by a
        // lookbehind, is otherwise tried at every position of every line (5% of read + extract).
        if (!folded.Contains('(') || !folded.Contains("发展", StringComparison.Ordinal)
            || (!folded.Contains("规划", StringComparison.Ordinal) && !folded.Contains("纲要", StringComparison.Ordinal)))
        {
            yield break;
        }

        for (var m = TitleInsidePattern().Match(folded); m.Success; m = m.NextMatch())
        {
            if (m.Index > 0 && TitleLengthAtStart(folded[m.Index..]) > 0)
            {
                yield return m.Index;
            }
        }
    }

    /// <summary>
    /// A document viewer's chunk number before a title: "1、河南省妇女发展规划  (2011—2020年)  妇女发展…".
    /// The length of the number, where the line is cut so that the title starts a line; else 0.
    /// </summary>
    public static int ChunkNumberBeforeTitle(string folded)
    {
        var m = ChunkNumber().Match(folded);
        return m.Success && TitleLengthAtStart(folded[m.Length..]) > 0 ? m.Length : 0;
    }

    // "（—年）": a reposting site stripped the digits of the period (西安市妇女发展规划, 中国妇女发展纲要 reprints).
    // An issuer in ideographs, or masked: "XX省儿童发展规划(2021-2025年)" in a published template.
    private const string Issuer = @"[\p{IsCJKUnifiedIdeographs}X×＊]";

    // A document viewer shows the file name: "《乌拉特中旗妇女发展规划(2021-2030年)》.doc".
    private const string FileSuffix = @"\.(?:doc|docx|pdf|wps)";

    private const string Period = @"\(\s*(?:\d{4})?\s*[-—–－~至]+\s*(?:\d{4})?\s*年?\s*\)";
    // 十四五 now, 十二五/十三五 in the older plans ("洪山区儿童发展“十二五”规划", "南京市“十三五”妇女发展规划").
    private const string Era = @"\s*[“""]?十[一二三四五]五[”""]?(?:时期)?\s*";
    private const string Task = @"(?:实施方案|目标任务分解(?:方案|表)?|目标责任分解(?:书|方案|表)?|主要目标任务分解(?:方案|表)?)";

    [GeneratedRegex(@"^《?(?<issuer>" + Issuer + @"{0,24}?)(?:" + Era + @")?(?<kind>妇女儿童|妇女|儿童)发展(?<era>" + Era + @")?(?:规划|纲要)\s*(?:(?<period>" + Period + @")|(?<era>" + Era + @"))?》?\s*(?<task>" + Task + @")?》?\s*(?:全文|" + FileSuffix + @")?$")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^#{0,6}\s*(?<issuer>" + Issuer + @"{0,24}?)(?:" + Era + @")?(?:妇女儿童|妇女|儿童)发展(?:" + Era + @")?(?:规划|纲要)\s*" + Period + @"\s*(?:" + Task + @")?(?:全文)?")]
    private static partial Regex TitleAtStartPattern();

    [GeneratedRegex(@"(?<=[。；;！!？?]\s*|\d\s*日\s*)" + Issuer + @"{0,24}?(?:" + Era + @")?(?:妇女儿童|妇女|儿童)发展(?:" + Era + @")?(?:规划|纲要)\s*" + Period)]
    private static partial Regex TitleInsidePattern();

    [GeneratedRegex(@"^\d{1,3}、\s*")]
    private static partial Regex ChunkNumber();

    [GeneratedRegex(FileSuffix + "$")]
    private static partial Regex FileSuffixPattern();

    [GeneratedRegex(@"发展|规划|纲要")]
    private static partial Regex NotAnIssuer();

    [GeneratedRegex(@"关于印发《?(?<name>[^《》和、及]{2,40}?)》?的通知")]
    private static partial Regex NoticePattern();

    [GeneratedRegex(@"^" + Period + "$")]
    private static partial Regex PeriodPattern();
}
