using PlanExtract.Model;

namespace PlanExtract.Corpus;

public enum Severity
{
    Warning,
    Error,
}

public sealed record Finding(Severity Severity, string Message);

/// <summary>What a maintainer needs to decide whether a document can be trusted.</summary>
public sealed record ValidationReport(
    string Source,
    string? District,
    IReadOnlyList<PlanSummary> Plans,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> UnattachedNumbers,
    IReadOnlyList<string> UnknownIndicators);

public sealed record PlanSummary(PlanKind Kind, string Title, int TemplateDomains, IReadOnlyList<DomainSummary> Domains, int Projects, int ProjectTargets);

public sealed record DomainSummary(string Name, int Goals, int Indicators, int Measures, int Targets);
