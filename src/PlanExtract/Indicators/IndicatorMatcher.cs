using PlanExtract.Model;

namespace PlanExtract.Indicators;

/// <summary>How a written indicator found its catalog entry.</summary>
public enum MatchStage
{
    None,
    /// <summary>The written name is the id or an alias (after character folding).</summary>
    Alias,
    /// <summary>Equal once scope and population words are dropped.</summary>
    Normalized,
    /// <summary>Close enough by bigram similarity, units of one kind.</summary>
    Similar,
}

public sealed record IndicatorMatch(IndicatorDefinition? Indicator, MatchStage Stage, double Score)
{
    public static IndicatorMatch None { get; } = new(null, MatchStage.None, 0);

    public string? Id => Indicator?.Id;
}

/// <summary>A written indicator the catalog does not know, with where it is written and the nearest entry.</summary>
public sealed record UnmatchedIndicator(string Indicator, int Count, IReadOnlyList<string> Districts, string Source, int? Line, int? Page, string? Nearest, double NearestScore);

/// <summary>
/// Maps written indicator names onto the catalog: alias, then normalised form, then similarity.
/// </summary>
public sealed partial class IndicatorMatcher
{
    /// <summary>
    /// Bigram Dice a fallback match must reach. Measured on the corpus by matching each distinct
    /// written indicator again with its own writing left out of the catalog
    /// (IndicatorThresholdMeasurement prints the table): at 0.80, 22 of the 41 names written another
    /// way elsewhere are found and none is placed wrong; at 0.75 one more is found but three go wrong:
    /// "就业人员中的女性比例" becomes "城镇单位就业人员中的女性比例"; at 0.65 "妇女人均健康预期寿命"
    /// becomes "妇女人均预期寿命". A miss only costs a row of its own; a wrong match hides a target.
    /// </summary>
    public const double DefaultThreshold = 0.80;

    private readonly Dictionary<string, IndicatorDefinition> _byFolded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndicatorDefinition> _byNormalized = new(StringComparer.Ordinal);
    private readonly List<(string Form, IndicatorDefinition Indicator)> _forms = [];

    public IndicatorMatcher(IndicatorCatalog catalog, double threshold = DefaultThreshold)
    {
        Catalog = catalog;
        Threshold = threshold;
        Normalizer = new IndicatorNormalizer(catalog);
        foreach (var indicator in catalog.Indicators)
        {
            foreach (var name in indicator.Aliases.Prepend(indicator.Id))
            {
                _byFolded.TryAdd(Normalizer.Fold(name), indicator);
                var normalized = Normalizer.Normalize(name);
                // The first entry keeps a normalised form two entries share; the alias stage still
                // tells them apart by their full names.
                if (_byNormalized.TryAdd(normalized, indicator))
                {
                    _forms.Add((normalized, indicator));
                }
            }
        }
    }

    public IndicatorCatalog Catalog { get; }

    public IndicatorNormalizer Normalizer { get; }

    public double Threshold { get; }

    /// <summary>The matcher of a corpus folder's catalog, or null when the corpus has none.</summary>
    public static IndicatorMatcher? ForCorpus(string corpusRoot) =>
        IndicatorCatalog.ForCorpus(corpusRoot) is { } catalog ? new IndicatorMatcher(catalog) : null;

    public IndicatorMatch Match(string written, string? unit = null)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return IndicatorMatch.None;
        }

        if (_byFolded.TryGetValue(Normalizer.Fold(written), out var alias))
        {
            return new IndicatorMatch(alias, MatchStage.Alias, 1);
        }

        var normalized = Normalizer.Normalize(written);
        if (_byNormalized.TryGetValue(normalized, out var same))
        {
            return new IndicatorMatch(same, MatchStage.Normalized, 1);
        }

        var (best, score) = Nearest(normalized, unit);
        return best is not null && score >= Threshold ? new IndicatorMatch(best, MatchStage.Similar, score) : IndicatorMatch.None;
    }

    /// <summary>The most similar catalog entry whose unit is of the same kind and whose name only adds or drops words, however far.</summary>
    public (IndicatorDefinition? Indicator, double Score) Nearest(string normalized, string? unit)
    {
        IndicatorDefinition? best = null;
        var bestScore = 0.0;
        foreach (var (form, indicator) in _forms)
        {
            if (!UnitFamily.Compatible(unit, indicator.Unit) || !Edits.OnlyAddsOrDrops(normalized, form) || !SharesMoreThanGenericHead(normalized, form))
            {
                continue;
            }

            var score = Similarity.Dice(normalized, form);
            if (score > bestScore)
            {
                (best, bestScore) = (indicator, score);
            }
        }

        return (best, bestScore);
    }

    /// <summary>
    /// 覆盖率 and 普惠性幼儿园覆盖率 share only the head: following that hint would merge unrelated
    /// figures. An entry is near only when the subjects, heads taken off, share a bigram.
    /// </summary>
    public static bool SharesMoreThanGenericHead(string written, string form)
    {
        var a = GenericHeadAtEnd().Replace(written, string.Empty);
        var b = GenericHeadAtEnd().Replace(form, string.Empty);
        return a.Length >= 2 && b.Length >= 2 && Similarity.Dice(a, b) > 0;
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?:" + Text.Vocabulary.GenericHeads + ")$")]
    private static partial System.Text.RegularExpressions.Regex GenericHeadAtEnd();

    /// <summary>The targets with <see cref="Target.IndicatorId"/> set where the catalog knows the indicator.</summary>
    public IReadOnlyList<Target> Assign(IReadOnlyList<Target> targets) =>
        [.. targets.Select(t => t with { IndicatorId = Match(t.Indicator, t.Unit).Id })];

    /// <summary>
    /// The written indicators that matched nothing, most frequent first, with the nearest catalog
    /// entry as a hint: what a maintainer reads to add an alias (printed by <c>check</c>).
    /// </summary>
    public IReadOnlyList<UnmatchedIndicator> Unmatched(IEnumerable<Target> targets) =>
        [.. targets.Where(t => Match(t.Indicator, t.Unit).Indicator is null)
            .GroupBy(t => t.Indicator, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var (nearest, score) = Nearest(Normalizer.Normalize(g.Key), first.Unit);
                return new UnmatchedIndicator(g.Key, g.Count(), [.. g.Select(t => t.District ?? string.Empty).Distinct(StringComparer.Ordinal)],
                    first.Source, first.Line, first.Page, nearest?.Id, Math.Round(score, 3));
            })
            .OrderByDescending(u => u.Count).ThenBy(u => u.Indicator, StringComparer.Ordinal)];
}
