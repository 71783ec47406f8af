using System.Text.RegularExpressions;
using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Extraction;

/// <summary>What became of a number that stands in a goal, measure or project item.</summary>
public enum NumberFate
{
    /// <summary>A rule read it as a target's value.</summary>
    Target,
    /// <summary>A year or a date: 到2025年, 2021—2030年, 3月8日.</summary>
    Year,
    /// <summary>An item or list number: （3）, 1.</summary>
    ItemNumber,
    /// <summary>An age range, a per-capita base or a population that qualifies a target: 5岁以下儿童, 每千名儿童.</summary>
    Qualifier,
    /// <summary>A statistic about the past: 由2020年的90%提高到95% (the 90%).</summary>
    Past,
    /// <summary>A number inside a name: 十四五, 《…2021—2030年》, 12338热线, 第二个百年.</summary>
    Name,
    /// <summary>No rule read it: what a maintainer looks at first.</summary>
    Unread,
}

public static class NumberFateNames
{
    public static string ToContractName(this NumberFate fate) => fate switch
    {
        NumberFate.Target => "target",
        NumberFate.Year => "year",
        NumberFate.ItemNumber => "item_number",
        NumberFate.Qualifier => "qualifier",
        NumberFate.Past => "past",
        NumberFate.Name => "name",
        _ => "unread",
    };
}

/// <summary>One number of the audit (the contract's "Number audit" record).</summary>
/// <param name="Number">As written: "8/10 万", "百分之七十", "一所".</param>
/// <param name="Value">Arabic digits: "8", "70", "1".</param>
/// <param name="Clause">The sentence the number stands in, verbatim.</param>
/// <param name="Target">The record the number became, when <paramref name="Fate"/> is <see cref="NumberFate.Target"/>.</param>
public sealed record AuditedNumber(
    int? Line,
    int? Page,
    string Number,
    string Value,
    string? Unit,
    NumberFate Fate,
    string Reason,
    string Clause,
    Target? Target)
{
    /// <summary>The clause cut to about <paramref name="max"/> characters around the number, for one-line listings.</summary>
    public string Excerpt(int max = 50)
    {
        if (Clause.Length <= max)
        {
            return Clause;
        }

        var at = Math.Max(0, Clause.IndexOf(Number, StringComparison.Ordinal));
        var start = Math.Clamp(at - (max / 3), 0, Clause.Length - max);
        return (start > 0 ? "…" : string.Empty) + Clause.Substring(start, max) + (start + max < Clause.Length ? "…" : string.Empty);
    }
}

/// <summary>
/// Every number in the goal, measure and project items of a document, with its fate: the target it
/// became, or why it is not one. A number no rule accounts for is <see cref="NumberFate.Unread"/>,
/// so a target the grammar misses never vanishes silently.
/// </summary>
public sealed partial class NumberAudit(TargetExtractor extractor)
{
    public NumberAudit()
        : this(new TargetExtractor())
    {
    }

    public IReadOnlyList<AuditedNumber> Audit(PlanDocument document)
    {
        var numbers = new List<AuditedNumber>();
        foreach (var plan in document.Plans)
        {
            foreach (var section in plan.Sections)
            {
                AuditSection(numbers, document, plan, null, section);
            }

            foreach (var domain in plan.Domains)
            {
                foreach (var section in domain.Sections)
                {
                    AuditSection(numbers, document, plan, domain.Name, section);
                }
            }

            foreach (var project in plan.Projects)
            {
                numbers.AddRange(Audit(project, new ItemContext(document.District, plan.Kind, null, SectionKind.Project, document.Source)));
            }
        }

        return numbers;
    }

    /// <summary>The numbers of one item, in text order.</summary>
    public IReadOnlyList<AuditedNumber> Audit(Item item, ItemContext context)
    {
        if (context.Section == SectionKind.Other)
        {
            return [];
        }

        var found = extractor.Find(item, context);
        var numbers = new List<AuditedNumber>();
        foreach (var clause in ClauseSplitter.Split(item.Text))
        {
            var targets = found.Where(f => f.Clause.Offset == clause.Offset).ToList();
            foreach (var token in Tokens(clause))
            {
                var target = targets.FirstOrDefault(f => f.Candidate.Value is not null && f.Candidate.Anchor == token.Start);
                var (fate, reason) = target is not null ? (NumberFate.Target, "read by the grammar") : Classify(clause, token, targets, clause.Offset + token.Start == 0);
                var line = TargetExtractor.LineOf(item, clause.Offset + token.Start);
                numbers.Add(new AuditedNumber(
                    line.Line,
                    line.Page,
                    clause.Text[token.Start..token.End].Trim(),
                    token.Value,
                    token.Unit,
                    fate,
                    reason,
                    clause.Text.Trim(),
                    target is null ? null : Recorded(item, found, target)));
            }
        }

        return numbers;
    }

    /// <summary>The item's own record when the document carries it (with its catalog id), else the one read again.</summary>
    private static Target Recorded(Item item, IReadOnlyList<FoundTarget> found, FoundTarget target)
    {
        var index = found.ToList().IndexOf(target);
        return item.Targets.Count == found.Count ? item.Targets[index] : target.Target;
    }

    private void AuditSection(List<AuditedNumber> numbers, PlanDocument document, Plan plan, string? domain, Section section)
    {
        var context = new ItemContext(document.District, plan.Kind, domain, section.Kind, document.Source);
        foreach (var item in section.Items)
        {
            numbers.AddRange(Audit(item, context));
        }
    }

    /// <summary>A number as the audit sees it: the quantity reader's reading when it has one, else the bare digits.</summary>
    private sealed record Token(string Value, string? Unit, int Start, int End);

    /// <summary>
    /// Arabic numbers (with their unit when they have one: 8/10万 is one number), Chinese numerals
    /// the quantity reader reads (一所, 百分之七十), and the period names 十四五/十三五.
    /// </summary>
    private static IEnumerable<Token> Tokens(Clause clause)
    {
        var folded = clause.Folded;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (PeriodName().Match(folded, i) is { Success: true } period && period.Index == i)
            {
                yield return new Token(period.Value, null, i, i + period.Length);
                i += period.Length - 1;
                continue;
            }

            // 在2020年基础上翻番: a number written as a word.
            if (string.CompareOrdinal(folded, i, "翻番", 0, 2) == 0)
            {
                yield return new Token(Rules.RelativeChangeRule.DoubledPercent, "%", i, i + 2);
                i++;
                continue;
            }

            if (!char.IsAsciiDigit(c) && !ChineseNumber.IsNumeralChar(c) && c != '半')
            {
                continue;
            }

            // 35—45岁: the quantity reader starts at the first number; the range is one number.
            var q = QuantityReader.ReadAt(folded, i);
            if (q is not null && q.Start >= i)
            {
                yield return new Token(q.Value, q.Unit, q.Start, q.End);
                i = q.End - 1;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < folded.Length && (char.IsAsciiDigit(folded[end]) || (folded[end] == '.' && end + 1 < folded.Length && char.IsAsciiDigit(folded[end + 1]))))
                {
                    end++;
                }

                yield return new Token(folded[i..end], null, i, end);
                i = end - 1;
                continue;
            }

            // A Chinese numeral with no counter is a word (一批, 两个一百年 aside): skip the run.
            while (i + 1 < folded.Length && ChineseNumber.IsNumeralChar(folded[i + 1]))
            {
                i++;
            }
        }
    }

    private static (NumberFate, string) Classify(Clause clause, Token token, List<FoundTarget> targets, bool atItemStart)
    {
        var folded = clause.Folded;
        var before = folded[..token.Start];
        var after = folded[token.End..];
        if (PeriodName().IsMatch(token.Value))
        {
            return (NumberFate.Name, "a plan period");
        }

        if (token.Unit == "年" && IsYear(token.Value) || token.Unit is null && IsYear(token.Value) && YearFollows().IsMatch(after))
        {
            return (NumberFate.Year, "a year");
        }

        if (token.Unit is null && DateFollows().IsMatch(after))
        {
            return (NumberFate.Year, "a date");
        }

        if (token.Unit is null && (atItemStart && ItemMarkFollows().IsMatch(after) || InParentheses().IsMatch(before) && CloseFollows().IsMatch(after)))
        {
            return (NumberFate.ItemNumber, "an item number");
        }

        if (InsideTitle(before))
        {
            return (NumberFate.Name, "inside a title 《…》");
        }

        // “四个意识”, “二次伤害”: a slogan counts nothing.
        if (!char.IsAsciiDigit(folded[token.Start]) && Quoted().IsMatch(before) && Unquote().IsMatch(after))
        {
            return (NumberFate.Name, "a slogan in quotes");
        }

        if (NameBefore().IsMatch(before) || NameAfter().IsMatch(after) || token.Unit is null && token.Value.Length >= 5)
        {
            return (NumberFate.Name, "part of a name");
        }

        if (TargetExtractor.IsPastStatement(clause) || PastBefore().IsMatch(before))
        {
            return (NumberFate.Past, "a statistic about the past");
        }

        if (targets.Any(t => t.Candidate.TextStart <= token.Start && token.Start < t.Candidate.Anchor && t.Candidate.Value is not null
            || t.Candidate.Population is { } p && p.Contains(token.Value, StringComparison.Ordinal)))
        {
            return (NumberFate.Qualifier, "qualifies a target's indicator or population");
        }

        if (token.Unit is "岁" or "个月" || AgeFollows().IsMatch(after))
        {
            return (NumberFate.Qualifier, "an age");
        }

        if (PerBase().IsMatch(before))
        {
            return (NumberFate.Qualifier, "a per-capita base");
        }

        return (NumberFate.Unread, "no rule read it");
    }

    private static bool IsYear(string value) =>
        value.Length == 4 && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1949 and <= 2100;

    private static bool InsideTitle(string before) => before.LastIndexOf('《') > before.LastIndexOf('》');

    [GeneratedRegex(@"十[一二三四五六七八九]五")]
    private static partial Regex PeriodName();

    [GeneratedRegex(@"^\s*(?:年|[-—–~至]\s*\d{4})")]
    private static partial Regex YearFollows();

    [GeneratedRegex(@"^\s*(?:月(?!龄)|日|号)")]
    private static partial Regex DateFollows();

    [GeneratedRegex(@"^\s*(?:[.．、]|[)）])")]
    private static partial Regex ItemMarkFollows();

    [GeneratedRegex(@"[(（]\s*$")]
    private static partial Regex InParentheses();

    [GeneratedRegex(@"^\s*[)）]")]
    private static partial Regex CloseFollows();

    [GeneratedRegex(@"[“""][^”""]{0,3}$")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^[^“”""]{0,4}[”""]")]
    private static partial Regex Unquote();

    // 第二个百年, “1+N”, 12345-6未成年人保护热线.
    [GeneratedRegex(@"(?:第|[+＋]\s*|\d\s*-\s*)$")]
    private static partial Regex NameBefore();

    // 12338热线, 五项工程, 落实母婴安全五项制度, 一次性收集.
    [GeneratedRegex(@"^\s*(?:[+＋]|热线|号|届|大|周年|条|款|版|批次|性|工程|制度|行动|计划)")]
    private static partial Regex NameAfter();

    // 由2020年的90%提高到95%, 从4.09‰下降到…, 较2020年: the number before the change is the past.
    [GeneratedRegex(@"(?:由|从)\s*(?:20\d\d\s*年(?:底|末)?)?的?\s*$|(?:现有|已有|已达|已经)\s*$")]
    private static partial Regex PastBefore();

    [GeneratedRegex(@"^\s*(?:周岁|岁|个?月龄?|周|孕周|年级|[至\-—]\s*\d+\s*年级)|^级")]
    private static partial Regex AgeFollows();

    // 每5000个家庭, 每万人, 每千名儿童: the base a per-capita target is counted over.
    [GeneratedRegex(@"每\s*$")]
    private static partial Regex PerBase();
}
