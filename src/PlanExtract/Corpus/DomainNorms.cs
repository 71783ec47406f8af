using PlanExtract.Model;

namespace PlanExtract.Corpus;

/// <summary>
/// How many targets plans of one kind set in one domain (women's 妇女与健康, children's 儿童与法律保护 …),
/// the median over the corpus. A plan is held against its own domain's norm, not one corpus
/// median: the law domains carry few numbers in every plan ("儿童与法律保护 goals 10 … targets 0"
/// in 清城区), so "法律: 0 targets, corpus median 4" said nothing worth acting on.
/// </summary>
public sealed class DomainNorms
{
    /// <summary>Below a median of this many targets a domain is one of words, not numbers: no warning.</summary>
    public const int MinimumMedian = 4;

    /// <summary>"Far fewer" is under a quarter of the domain's median.</summary>
    public const double FarFewerRatio = 0.25;

    private readonly Dictionary<(PlanKind, string), double> _medians;

    private DomainNorms(Dictionary<(PlanKind, string), double> medians) => _medians = medians;

    public static DomainNorms None { get; } = new([]);

    /// <summary>The norms from the plans' summaries: a domain's <see cref="DomainSummary.Targets"/> counts the targets of its sections' items.</summary>
    public static DomainNorms Of(IEnumerable<PlanSummary> plans)
    {
        var counts = plans.SelectMany(p => p.Domains.Select(d => (Key: (p.Kind, d.Name), d.Targets))).GroupBy(x => x.Key, x => x.Targets);
        return new DomainNorms(counts.ToDictionary(g => g.Key, g => Median([.. g.Order()])));
    }

    /// <summary>The median count of the domain, or null when no plan of the kind has it.</summary>
    public double? Median(PlanKind kind, string domain) =>
        _medians.TryGetValue((kind, domain), out var median) ? median : null;

    /// <summary>Whether a domain with this many targets falls far below the plans of its kind.</summary>
    public bool IsFarBelow(PlanKind kind, string domain, int targets) =>
        Median(kind, domain) is { } median && median >= MinimumMedian && targets < median * FarFewerRatio;

    private static double Median(IReadOnlyList<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
