using System.Text.RegularExpressions;
using PlanExtract.Model;
using PlanExtract.Segmentation.Rules;

namespace PlanExtract.Segmentation;

/// <summary>
/// Cuts a line where a heading or an item starts inside it, so that a page captured from the web
/// with title, part heading, domain heading, 主要目标 and the items on one physical line segments
/// like the same text with its line breaks: "…（一）妇女与健康。主要目标：1.孕产妇死亡率…。2.…".
/// The pieces after the first are marked as continuing their line: where no rule takes them they
/// join the item before them, as the unbroken line would have.
/// </summary>
public static partial class RunInSplitter
{
    public static IEnumerable<PlanLine> Split(PlanLine line)
    {
        var cuts = Cuts(line.Folded);
        if (cuts.Count == 0)
        {
            yield return line;
            yield break;
        }

        var start = 0;
        foreach (var cut in cuts.Append(line.Text.Length))
        {
            var piece = PlanLine.Piece(line, start, cut - start, continues: start > 0);
            if (piece is not null)
            {
                yield return piece;
            }

            start = cut;
        }
    }

    /// <summary>
    /// "### **1.主要目标**推动家庭成员…": a bold section heading with its first sentence run on after
    /// it (004.chromium-narrow.pdf, where the page reflowed the heading into the paragraph). The
    /// closing ** is the only cut there is, so it is taken before the markup comes off.
    /// </summary>
    public static IEnumerable<SourceBlock> SplitBoldHeading(SourceBlock block)
    {
        var m = BoldHeading().Match(block.Text);
        if (m.Success && PlanLine.From(block with { Text = m.Groups[1].Value }) is { } heading && SectionHeadingRule.Recognize(heading) is not null)
        {
            yield return block with { Text = m.Groups[1].Value };
            yield return block with { Text = m.Groups[2].Value };
            yield break;
        }

        yield return block;
    }

    internal static List<int> Cuts(string folded)
    {
        var cuts = new SortedSet<int>();
        var chunk = PlanTitleRule.ChunkNumberBeforeTitle(folded);
        if (chunk > 0)
        {
            cuts.Add(chunk);
        }

        var title = chunk + PlanTitleRule.TitleLengthAtStart(folded[chunk..]);
        if (title > chunk && title < folded.Length)
        {
            cuts.Add(title);
        }

        foreach (var start in PlanTitleRule.TitleStartsInside(folded))
        {
            cuts.Add(start);
            var end = start + PlanTitleRule.TitleLengthAtStart(folded[start..]);
            if (end < folded.Length)
            {
                cuts.Add(end);
            }
        }

        // Without a colon the fourth branch (what follows "主要目标：") cannot match, and the pattern
        // without it need not try every character: its matches start at 一…十, digits, ( or ①.
        var boundary = folded.AsSpan().IndexOfAny(':', '：') < 0 ? BoundaryWithoutColon() : Boundary();
        for (var m = boundary.Match(folded); m.Success; m = m.NextMatch())
        {
            var at = m.Groups["at"].Index;
            if (at > 0 && at < folded.Length && !char.IsWhiteSpace(folded[at]))
            {
                cuts.Add(at);
            }
        }

        return [.. cuts];
    }

    // Where something starts (the group "at"), by what stands before it:
    //  - after 。；！？ (or the colon of "主要目标："): part headings 二、, sub-headings （一）, section
    //    headings 主要目标, items 1. 1、 （1） ①, and Markdown headings;
    //  - after any character: （一） and （1） ① (no sentence runs into them), and 主要目标 glued to a
    //    domain heading without its full stop: "（一）妇女与健康主要目标：";
    //  - after "主要目标：" and its kin: whatever follows is the section's text.
    //
    // Each branch but the one after a colon first looks at the one character its "at" can start
    // with ((?=[…]), implied by the branch, so it matches exactly what it did without it): the
    // lookbehinds are tried right to left, and the lazy {1,10} of the domain heading's made this
    // pattern a third of read + extract (docs/PERFORMANCE.md, issue 18).
    private const string SentenceEnd = @"[。；;！!？?：:][”’""]?\s*";
    private const string Heading = @"(?:\d{1,2}\s*[.、]\s*)?(?:主要目标|主要指标|策略措施|主要措施|总目标|主要目标指标)";
    private const string HeadingStart = @"\d主策总";

    private const string AfterSentence = @"(?=[#一二三四五六七八九十(①-⑳" + HeadingStart + @"])(?<=" + SentenceEnd + @")(?<at>#{1,6}|[一二三四五六七八九十]{1,3}、|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|" + Heading + @"|\d{1,2}\s*(?:[.、](?!\d))|[①-⑳])";
    private const string AfterAnyCharacter = @"(?=[(①-⑳])(?<=[^第\s(])(?<at>\(\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*\)|[①-⑳])";
    private const string AfterDomainHeading = @"(?=[" + HeadingStart + @"])(?<=\(\s*[一二三四五六七八九十]{1,3}\s*\)\s*(?:妇女|儿童|女性)(?:与|参与)[^。；:,，()]{1,10}?)(?<at>" + Heading + @")";
    private const string AfterHeadingColon = @"(?<=(?:^|" + SentenceEnd + @"|#\s*)" + Heading + @"\s*[:：]\s*)(?<at>\S)";
    private const string AfterHeading = @"(?=[\d(①-⑳])(?<=(?:^|" + SentenceEnd + @"|#\s*)" + Heading + @")(?<at>\d{1,2}\s*[.、](?!\d)|\(\s*\d{1,2}\s*\)|[①-⑳])";

    [GeneratedRegex(AfterSentence + "|" + AfterAnyCharacter + "|" + AfterDomainHeading + "|" + AfterHeadingColon + "|" + AfterHeading)]
    internal static partial Regex Boundary();

    /// <summary><see cref="Boundary"/> for a line without a colon: the same branches in the same order, less the one that needs it.</summary>
    [GeneratedRegex(AfterSentence + "|" + AfterAnyCharacter + "|" + AfterDomainHeading + "|" + AfterHeading)]
    internal static partial Regex BoundaryWithoutColon();

    [GeneratedRegex(@"^(\s*#{0,6}\s*\*\*[^*]{1,30}\*\*)\s*([^*\s].*)$")]
    private static partial Regex BoldHeading();
}
