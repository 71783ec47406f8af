using System.Globalization;
using PlanExtract.Extraction;
using PlanExtract.Model;

namespace PlanExtract.Corpus;

/// <summary>
/// Checks a segmented document against what a plan of the national template looks like: 8 domains
/// for women, 7 for children, items in every section, targets per domain near what plans of the
/// same kind set in the same domain, numbers no rule read (the number audit's unread), indicators
/// nobody has named in the catalog.
/// </summary>
public static class CorpusValidator
{
    public static int TemplateDomains(PlanKind kind) => kind == PlanKind.Women ? 8 : 7;

    /// <summary>
    /// A nearest catalog entry is suggested only from this score up: "覆盖率 (nearest:
    /// 普惠性幼儿园覆盖率 0.40)" shares a word, not an indicator, and sent a maintainer the wrong way.
    /// </summary>
    public const double SoundSuggestion = 0.5;

    /// <param name="norms">Per plan kind and domain, what the corpus sets, to flag a domain with far fewer targets; null to skip.</param>
    /// <param name="indicators">The catalog matcher, to suggest the nearest catalog entry for unknown indicators.</param>
    public static ValidationReport Validate(PlanDocument document, DomainNorms? norms = null, Indicators.IndicatorMatcher? indicators = null)
    {
        var findings = new List<Finding>();
        if (document.Plans.Count == 0)
        {
            findings.Add(new Finding(Severity.Error, "no women's or children's plan found"));
        }

        var plans = new List<PlanSummary>();
        foreach (var plan in document.Plans)
        {
            var domains = plan.Domains.Select(Summarize).ToList();
            var template = TemplateDomains(plan.Kind);
            var name = plan.Title.Length > 0 ? plan.Title : $"{plan.Kind.ToContractName()} plan";
            if (StructureMissing(plan) is { Count: > 0 } missing)
            {
                // A plan read as far as it goes (issue 11): say what was not there, do not refuse it.
                findings.Add(new Finding(Severity.Warning, $"{name}: structure not found: {string.Join(", ", missing)}"));
            }

            if (domains.Count > 0 && domains.Count != template)
            {
                findings.Add(new Finding(Severity.Warning, $"{plan.Title}: {domains.Count} domains, the national template has {template}"));
            }

            foreach (var d in domains)
            {
                if (d.Goals + d.Indicators == 0)
                {
                    findings.Add(new Finding(Severity.Warning, $"{plan.Title} / {d.Name}: no goal items"));
                }

                if (d.Measures == 0)
                {
                    findings.Add(new Finding(Severity.Warning, $"{plan.Title} / {d.Name}: no measure items"));
                }

                if (norms is not null && norms.IsFarBelow(plan.Kind, d.Name, d.Targets))
                {
                    findings.Add(new Finding(Severity.Warning, string.Create(CultureInfo.InvariantCulture, $"{plan.Title} / {d.Name}: {d.Targets} targets, {plan.Kind.ToContractName()} plans set {norms.Median(plan.Kind, d.Name):0.#} there (median)")));
                }
            }

            plans.Add(new PlanSummary(plan.Kind, plan.Title, template, domains, plan.Projects.Count, plan.Projects.Sum(p => p.Targets.Count)));
        }

        var targets = document.AllTargets().ToList();
        if (document.Plans.Count > 0 && targets.Count == 0)
        {
            findings.Add(new Finding(Severity.Error, "no quantitative targets found"));
        }

        // With the catalog at hand, each unknown name comes with the entry a maintainer would alias it to.
        var unknown = indicators is null
            ? targets.Where(t => t.IndicatorId is null).Select(t => t.Indicator).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [.. indicators.Unmatched(targets).Select(u => u.Nearest is null || u.NearestScore < SoundSuggestion ? u.Indicator : string.Create(CultureInfo.InvariantCulture, $"{u.Indicator} (nearest: {u.Nearest} {u.NearestScore:0.00})"))];
        return new ValidationReport(document.Source, document.District, plans, findings, UnattachedNumbers(document), unknown);
    }

    /// <summary>What a plan read without its full structure lacks: its title, its domains, its 主要目标/策略措施.</summary>
    private static List<string> StructureMissing(Plan plan)
    {
        var missing = new List<string>();
        if (plan.Title.Length == 0)
        {
            missing.Add("plan title");
        }

        if (plan.Domains.Count == 0)
        {
            missing.Add("development domains (items outside any domain have domain null)");
        }

        var sections = plan.Domains.SelectMany(d => d.Sections).Concat(plan.Sections).ToList();
        if (!sections.Any(s => s.Kind == SectionKind.Goal && s.Items.Count > 0))
        {
            missing.Add("主要目标 (goal) items");
        }

        if (!sections.Any(s => s.Kind == SectionKind.Measure && s.Items.Count > 0))
        {
            missing.Add("策略措施 (measure) items");
        }

        return missing;
    }

    private static DomainSummary Summarize(Domain d) => new(
        d.Name,
        d.Sections.Where(s => s.Kind == SectionKind.Goal && !IsIndicatorList(s)).Sum(s => s.Items.Count),
        d.Sections.Where(IsIndicatorList).Sum(s => s.Items.Count),
        d.Sections.Where(s => s.Kind == SectionKind.Measure).Sum(s => s.Items.Count),
        d.Sections.Sum(s => s.Items.Sum(i => i.Targets.Count)));

    private static bool IsIndicatorList(Section s) =>
        s.Kind == SectionKind.Goal && s.Heading.Contains("指标", StringComparison.Ordinal) && !s.Heading.Contains("目标", StringComparison.Ordinal);

    /// <summary>Numbers in goal, measure and project items that no rule read and no reason explains (the number audit's <c>unread</c>): "L417 10公里: 建设“农村10公里、城市10分钟”…".</summary>
    private static List<string> UnattachedNumbers(PlanDocument document) =>
        [.. new NumberAudit().Audit(document)
            .Where(n => n.Fate == NumberFate.Unread)
            .Select(n => $"{(n.Line is { } line ? "L" + line.ToString(CultureInfo.InvariantCulture) : "p." + n.Page?.ToString(CultureInfo.InvariantCulture))} {n.Number}: {n.Excerpt()}")];
}
