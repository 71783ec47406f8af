using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>The cross-reference tables of a corpus, and the documents that could not be read.</summary>
public sealed record CorpusTableSet(IReadOnlyList<CrossTable> Tables, IReadOnlyList<DocumentResult> Failed)
{
    public int Indicators => Tables.Sum(t => t.Domains.Sum(d => d.Rows.Count));

    public int Districts => Tables.SelectMany(t => t.Districts).Select(d => d.Name).Distinct().Count();
}

/// <summary>
/// What <c>table</c> shows: the corpus read through the pipeline, or the trees the last build
/// recorded when they are current (the caller decides that: see Build/BuiltRecords), since the
/// table needs the corpus metadata (display names, which government sits above which) and the
/// catalog, and a stale targets.jsonl would silently show old values.
/// </summary>
public static class CorpusTables
{
    /// <param name="plan">One plan type, or null for both (a type no district has gives no table).</param>
    public static CorpusTableSet Build(CorpusLayout corpus, PlanKind? plan, TableFilter filter) =>
        Build(corpus, new CorpusReader(Pipeline.ForCorpus(corpus.Root)).ReadAll(corpus), plan, filter);

    /// <summary>The tables of <paramref name="results"/>: every document of the corpus, in corpus order.</summary>
    public static CorpusTableSet Build(CorpusLayout corpus, IReadOnlyList<DocumentResult> results, PlanKind? plan, TableFilter filter)
    {
        var catalog = IndicatorCatalog.ForCorpus(corpus.Root) ?? IndicatorCatalog.Empty;
        var plans = plan is { } only ? [only] : new[] { PlanKind.Women, PlanKind.Children };
        // Districts are cut from the whole table, so a city's marks still compare with its
        // province's plan when only the city is asked for.
        var tables = plans.Select(p => CrossTableBuilder.Build(results, p, catalog, filter))
            .Select(t => filter.FiltersDistricts ? t.Only(filter.KeepsDistrict) : t)
            .Where(t => t.Districts.Count > 0).ToList();
        return new CorpusTableSet(tables, [.. results.Where(r => r.Failed)]);
    }
}
