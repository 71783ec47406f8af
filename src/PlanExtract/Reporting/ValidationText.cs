using System.Globalization;
using PlanExtract.Corpus;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>The validation report as plain text, for <c>add</c> and <c>check</c>.</summary>
public static class ValidationText
{
    private const int UnreadListed = 5;

    public static void Write(TextWriter w, ValidationReport report, DocumentFacts? facts = null, int maxListed = 12)
    {
        w.WriteLine($"{report.District ?? "(unknown issuer)"}  {report.Source}");
        if (facts is not null)
        {
            w.WriteLine($"  issuer: {facts.Issuer ?? "?"}   document number: {facts.DocumentNumber ?? "—"}   date: {facts.Date ?? "—"}");
        }

        foreach (var plan in report.Plans)
        {
            w.WriteLine($"  {plan.Kind.ToContractName(),-8} {plan.Title}: {plan.Domains.Count}/{plan.TemplateDomains} domains, {plan.Domains.Sum(d => d.Targets) + plan.ProjectTargets} targets, {plan.Projects} key projects");
            foreach (var d in plan.Domains)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {d.Name,-12} goals {d.Goals,3}  indicators {d.Indicators,3}  measures {d.Measures,3}  targets {d.Targets,3}"));
            }
        }

        if (report.UnattachedNumbers.Count > 0)
        {
            // The first clauses with a number no rule read: where a missed target hides ('explain FILE' lists them all).
            w.WriteLine($"  unread numbers: {report.UnattachedNumbers.Count} (run 'planextract explain FILE --format text' for all)");
            foreach (var unread in report.UnattachedNumbers.Take(UnreadListed))
            {
                w.WriteLine($"    {unread}");
            }
        }

        if (report.UnknownIndicators.Count > 0)
        {
            w.WriteLine($"  indicators not in the catalog ({report.UnknownIndicators.Count}): {string.Join("、", report.UnknownIndicators.Take(maxListed))}{(report.UnknownIndicators.Count > maxListed ? "、…" : string.Empty)}");
        }

        foreach (var finding in report.Findings)
        {
            w.WriteLine($"  {(finding.Severity == Severity.Error ? "error" : "warning")}: {finding.Message}");
        }
    }
}
