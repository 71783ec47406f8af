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
    public static ValidationReport Validate(PlanDocument document, DomainNorms? norms = null, Indicators.IndicatorMatcher? indicators = null) =>
        Draft(document, indicators).Finish(norms);

    /// <summary>
    /// Everything the report needs of the document, taken from its tree now, so that the tree can
    /// go before the corpus's norms are known: check streams a country's documents and keeps only
    /// these (whole trees of 3,200 documents held over 1 GB).
    /// </summary>
    public static ValidationDraft Draft(PlanDocument document, Indicators.IndicatorMatcher? indicators = null)
    {
        var plans = document.Plans.Select(plan => new PlanFacts(
            new PlanSummary(plan.Kind, plan.Title, TemplateDomains(plan.Kind), [.. plan.Domains.Select(Summarize)], plan.Projects.Count, plan.Projects.Sum(p => p.Targets.Count)),
            StructureMissing(plan))).ToList();
        var targets = document.AllTargets().ToList();

        // With the catalog at hand, each unknown name comes with the entry a maintainer would alias it to.
        var unknown = indicators is null
            ? targets.Where(t => t.IndicatorId is null).Select(t => t.Indicator).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [.. indicators.Unmatched(targets).Select(u => u.Nearest is null || u.NearestScore < SoundSuggestion ? u.Indicator : string.Create(CultureInfo.InvariantCulture, $"{u.Indicator} (nearest: {u.Nearest} {u.NearestScore:0.00})"))];
        var report = new ValidationReport(document.Source, document.District, [.. plans.Select(p => p.Summary)], [], UnattachedNumbers(document), unknown);
        return new ValidationDraft(report, plans, targets.Count);
    }

    /// <summary>The template findings of one document, in the order the report lists them.</summary>
    internal static List<Finding> Findings(IReadOnlyList<PlanFacts> plans, int targets, DomainNorms? norms)
    {
        var findings = new List<Finding>();
        if (plans.Count == 0)
        {
            findings.Add(new Finding(Severity.Error, "no women's or children's plan found"));
        }

        foreach (var (plan, missing) in plans)
        {
            var name = plan.Title.Length > 0 ? plan.Title : $"{plan.Kind.ToContractName()} plan";
            if (missing.Count > 0)
            {
                // A plan read as far as it goes (issue 11): say what was not there, do not refuse it.
                findings.Add(new Finding(Severity.Warning, $"{name}: structure not found: {string.Join(", ", missing)}"));
            }

            if (plan.Domains.Count > 0 && plan.Domains.Count != plan.TemplateDomains)
            {
                findings.Add(new Finding(Severity.Warning, $"{plan.Title}: {plan.Domains.Count} domains, the national template has {plan.TemplateDomains}"));
            }

            foreach (var d in plan.Domains)
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
        }

        if (plans.Count > 0 && targets == 0)
        {
            findings.Add(new Finding(Severity.Error, "no quantitative targets found"));
        }

        return findings;
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

/// <summary>A plan's summary and what of its structure was not found: all its findings need of it.</summary>
public sealed record PlanFacts(PlanSummary Summary, IReadOnlyList<string> Missing);

/// <summary>
/// A document's report before the corpus's norms are known (<see cref="CorpusValidator.Draft"/>):
/// the report without its template findings, and what they are made from.
/// </summary>
public sealed record ValidationDraft(ValidationReport Report, IReadOnlyList<PlanFacts> Plans, int Targets)
{
    /// <summary>The report with its findings, the far-below ones against <paramref name="norms"/> (null to skip).</summary>
    public ValidationReport Finish(DomainNorms? norms) => Report with { Findings = CorpusValidator.Findings(Plans, Targets, norms) };
}
