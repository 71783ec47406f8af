using PlanExtract.Model;
using PlanExtract.Segmentation.Rules;

namespace PlanExtract.Segmentation;

/// <summary>
/// Turns a document's blocks into plans → domains → sections → numbered items, by general rules:
/// a plan starts at its own title line; "一、" starts a part (领域 → domains, 重点工程/项目 →
/// projects, anything else → plan-level sections); "（一）" starts a domain, a project, a
/// plan-level section or an item, by the part it is in; 主要目标/主要指标/策略措施 start a
/// domain's sections; "1." "（1）" "①" start items. Anything before the first plan title
/// (cover notices, site navigation, an unrelated notice) is not part of a plan, unless the text
/// has no title and shows a plan's domains or 主要目标/策略措施: then it is read as far as it goes.
/// Run-in lines are cut at headings and items first (<see cref="RunInSplitter"/>).
/// </summary>
public sealed partial class PlanSegmenter
{
    /// <summary>Lines a wrapped title may take: a narrow page breaks one anywhere, even inside （2021—2030年）.</summary>
    private const int MaxTitleLines = 3;

    /// <summary>Longer than any title: a line this long is text, not part of a wrapped title.</summary>
    private const int MaxTitleLength = 48;

    public IReadOnlyList<Plan> Segment(string source, IReadOnlyList<SourceBlock> blocks)
    {
        var lines = blocks.SelectMany(RunInSplitter.SplitBoldHeading).Select(PlanLine.From).OfType<PlanLine>().SelectMany(RunInSplitter.Split).ToList();
        var fallbackKind = LikelyKind(lines);
        var plans = Segment(source, lines, fallbackKind, fromStart: false);

        // No title, but the text names a plan, numbers its items or shows a plan's headings: a
        // page cut from the middle of a plan ("4.为儿童成长提供良好的家庭环境。…"). Read it all,
        // from the first line, as one plan; a notice naming the plan (关于印发…的通知) gives its title.
        return plans.All(p => p.Title.Length == 0) && (plans.Count > 0 || HasPlanSignal(lines))
            ? Segment(source, lines, fallbackKind, fromStart: true)
            : plans;
    }

    private static IReadOnlyList<Plan> Segment(string source, List<PlanLine> lines, PlanKind fallbackKind, bool fromStart)
    {
        var state = new SegmenterState(source);
        if (fromStart && lines.Count > 0)
        {
            var named = lines.Select(l => PlanTitleRule.NamedInNotice(l.Folded, l.Written)).FirstOrDefault(n => n is not null);
            state.StartUntitledPlan(named?.Match.Kind ?? fallbackKind, lines[0], named?.Title ?? string.Empty, named?.Match.Issuer ?? string.Empty);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (Title(lines, i) is { } title)
            {
                state.StartPlan(title.Match.Kind, title.Match.Issuer, title.Text, lines[i], title.Match.Combined);
                i += title.Lines - 1;
                continue;
            }

            state.Accept(lines[i]);
        }

        return state.Finish();
    }

    /// <summary>The plan title starting at line i, on one line or wrapped over a few, with its period line.</summary>
    private static (PlanTitleRule.Match Match, string Text, int Lines)? Title(List<PlanLine> lines, int i)
    {
        var text = lines[i].Text;
        var written = lines[i].Written;
        for (var count = 1; count <= MaxTitleLines && i + count <= lines.Count; count++)
        {
            if (count > 1)
            {
                var next = lines[i + count - 1];
                if (next.Text.Length > MaxTitleLength || text.Length > MaxTitleLength)
                {
                    return null;
                }

                text += next.Text;
                written += next.Written;
            }

            // One line is already folded (every line is tried as a title: no second copy of each).
            if (PlanTitleRule.Recognize(count == 1 ? lines[i].Folded : Text.CharFold.Fold(text)) is { } match)
            {
                // "荔浦市妇女发展规划" with its period on the next line, or over the next few:
                // "中国儿童发展纲要" / "(" / "2011-2020" / "年)" in a PDF's text copied to a page.
                var period = string.Empty;
                var periodWritten = string.Empty;
                for (var k = 0; !match.HasPeriod && k < MaxTitleLines && i + count + k < lines.Count; k++)
                {
                    period += lines[i + count + k].Text;
                    periodWritten += lines[i + count + k].Written;
                    if (period.Length > MaxTitleLength)
                    {
                        break;
                    }

                    if (PlanTitleRule.IsPeriod(Text.CharFold.Fold(period)))
                    {
                        return (match, PlanTitleRule.Name(written + periodWritten), count + k + 1);
                    }
                }

                return (match, PlanTitleRule.Name(written), count);
            }
        }

        return null;
    }

    /// <summary>
    /// The plan signals of issue 11 outside a title: a plan named in the text ("现将《…儿童发展纲要
    /// （2021—2030年）》印发"), a domain's name, 主要目标/策略措施, a numbered item or a bullet
    /// holding a target ("——孕产妇死亡率控制在15/10万以内").
    /// </summary>
    private static bool HasPlanSignal(List<PlanLine> lines) =>
        lines.Any(l => PlanSignalPattern().IsMatch(l.Folded)
            || ((Rules.ItemNumberRule.Recognize(l) is not null || Rules.BulletRule.Recognize(l) is not null) && TargetPattern().IsMatch(l.Folded)))
        || lines.Count(l => Rules.ItemNumberRule.Recognize(l) is not null) >= 2;

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:妇女|儿童)发展(?:[“""]?十[二三四五]五[”""]?)?(?:规划|纲要)|(?:妇女|儿童)(?:与|参与)[\p{IsCJKUnifiedIdeographs}]{2,6}|主要目标|策略措施")]
    private static partial System.Text.RegularExpressions.Regex PlanSignalPattern();

    // A number with the units targets take: 90%, 5‰, 15/10万.
    [System.Text.RegularExpressions.GeneratedRegex(@"\d\s*(?:%|‰|/\s*10\s*万)")]
    private static partial System.Text.RegularExpressions.Regex TargetPattern();

    /// <summary>Whose plan a text without a title is, by which group its lines name more often.</summary>
    private static PlanKind LikelyKind(List<PlanLine> lines)
    {
        var women = lines.Sum(l => Count(l.Folded, "妇女"));
        var children = lines.Sum(l => Count(l.Folded, "儿童"));
        return children > women ? PlanKind.Children : PlanKind.Women;
    }

    private static int Count(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

internal enum PartKind
{
    Preamble,
    Domains,
    Projects,
    Other,
}
