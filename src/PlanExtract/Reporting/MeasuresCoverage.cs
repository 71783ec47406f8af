using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Reporting;

/// <summary>A district's measure item: its number, its heading sentence and where it is written.</summary>
public sealed record MeasureRef(string Number, string Heading, string FilePath, int? Line, int? Page)
{
    public string Anchor => Line is { } line ? $"#L{line}" : Page is { } page ? $"#page={page}" : string.Empty;
}

/// <summary>Measures of several districts that say the same thing: one per district at most.</summary>
public sealed record AlignedMeasure(string Heading, IReadOnlyList<MeasureRef?> Cells)
{
    public int Districts => Cells.Count(c => c is not null);
}

public sealed record MeasureDomain(string Domain, IReadOnlyList<AlignedMeasure> Rows, IReadOnlyList<int> Counts);

public sealed record MeasuresTable(PlanKind Plan, IReadOnlyList<DistrictColumn> Districts, IReadOnlyList<MeasureDomain> Domains)
{
    public string Title => Plan == PlanKind.Women ? "妇女发展规划" : "儿童发展规划";
}

/// <summary>
/// Aligns the 策略措施 items of the districts' plans by their heading sentence (the text up to the
/// first 。, "保障孕产妇安全分娩。"). The plans follow one national template, so most headings
/// repeat nearly word for word; a heading close to nothing elsewhere is what that district added.
/// </summary>
public static class MeasuresCoverage
{
    /// <summary>
    /// Bigram Dice two headings must reach to be one measure. Read off the corpus: the template's
    /// headings reworded by a district ("完善保障妇女健康的制度机制" / "完善保障妇女健康的政策机制")
    /// score 0.6 and more; different measures of one domain stay below 0.45.
    /// </summary>
    public const double Threshold = 0.5;

    public static MeasuresTable Build(IReadOnlyList<DocumentResult> results, PlanKind plan)
    {
        var withPlan = results.Where(r => r.Plans is not null && r.Plans.Plans.Any(p => p.Kind == plan)).ToList();
        var columns = CrossTableBuilder.Columns(results, plan);
        var domainOrder = withPlan.SelectMany(r => r.Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.Domains).Select(d => d.Name))
            .Distinct(StringComparer.Ordinal).ToList();
        // One pass over the plans files every measure item under its domain and district, in the
        // order each district writes them, rather than a pass over every plan per domain.
        var perDomain = domainOrder.ToDictionary(d => d, _ => withPlan.Select(_ => new List<MeasureRef>()).ToList(), StringComparer.Ordinal);
        for (var c = 0; c < withPlan.Count; c++)
        {
            var file = withPlan[c].Document.FilePath;
            foreach (var d in withPlan[c].Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.Domains))
            {
                var measures = perDomain[d.Name][c];
                foreach (var i in d.Sections.Where(s => s.Kind == SectionKind.Measure).SelectMany(s => s.Items))
                {
                    measures.Add(new MeasureRef(i.Number, Heading(i.Text), file, i.Span.Line, i.Span.Page));
                }
            }
        }

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var domains = new List<MeasureDomain>();
        foreach (var domain in domainOrder)
        {
            var perDistrict = perDomain[domain];
            var clusters = Align(perDistrict, keys);
            domains.Add(new MeasureDomain(domain, clusters, [.. perDistrict.Select(m => m.Count)]));
        }

        return new MeasuresTable(plan, columns, domains);
    }

    /// <summary>The heading sentence: up to the first 。 (or ；), without it.</summary>
    public static string Heading(string text)
    {
        var end = text.AsSpan().IndexOfAny('。', '；');
        var heading = end < 0 ? text : text[..end];
        return heading.Trim();
    }

    public static double Score(string a, string b) => Similarity.Dice(Key(a), Key(b));

    private static string CachedKey(string heading, Dictionary<string, string> keyOf)
    {
        if (!keyOf.TryGetValue(heading, out var key))
        {
            key = Key(heading);
            keyOf.Add(heading, key);
        }

        return key;
    }

    private static string Key(string heading) =>
        new([.. CharFold.Fold(heading).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))]);

    /// <summary>
    /// District by district, each measure joins the best-scoring row that has none of its district
    /// yet, best pairs first, so an early weak pairing never takes a later exact one's place. A row
    /// scores the best of its members' headings.
    /// </summary>
    /// <remarks>
    /// The same result as scoring every measure against every member of every row, without doing
    /// so; see <see cref="BigramIndex"/>.
    /// </remarks>
    internal static List<AlignedMeasure> Align(IReadOnlyList<List<MeasureRef>> perDistrict) => Align(perDistrict, new(StringComparer.Ordinal));

    /// <param name="keyOf">Heading to key, kept across calls: most headings repeat the template word for word.</param>
    private static List<AlignedMeasure> Align(IReadOnlyList<List<MeasureRef>> perDistrict, Dictionary<string, string> keyOf)
    {
        if (perDistrict.Count == 1)
        {
            // The first district finds no rows to join, so each of its measures starts one. A
            // country's tables have thousands of one-district parts (a city per district in the
            // bench corpus); building a bigram index for each was most of their time.
            return [.. perDistrict[0].Select(m => new AlignedMeasure(m.Heading, [m]))];
        }

        var headingKeys = perDistrict.Select(d => d.Select(m => CachedKey(m.Heading, keyOf)).ToList()).ToList();
        var keys = new BigramIndex(headingKeys.SelectMany(k => k), Threshold);
        var rows = new List<MeasureRef?[]>();
        var best = new Dictionary<int, double>();
        for (var c = 0; c < perDistrict.Count; c++)
        {
            var measures = perDistrict[c];
            var ids = headingKeys[c].Select(keys.Id).ToList();
            var pairs = new List<(double Score, int Measure, int Row)>();
            for (var m = 0; m < measures.Count; m++)
            {
                best.Clear();
                foreach (var (rowsOf, score) in keys.Matches(ids[m]))
                {
                    foreach (var r in rowsOf)
                    {
                        if (!best.TryGetValue(r, out var held) || score > held)
                        {
                            best[r] = score;
                        }
                    }
                }

                foreach (var (r, score) in best)
                {
                    pairs.Add((score, m, r));
                }
            }

            var placed = new HashSet<int>();
            pairs.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Measure != y.Measure ? x.Measure.CompareTo(y.Measure) : x.Row.CompareTo(y.Row));
            foreach (var (_, m, r) in pairs)
            {
                if (!placed.Contains(m) && rows[r][c] is null)
                {
                    rows[r][c] = measures[m];
                    keys.AddToRow(ids[m], r);
                    placed.Add(m);
                }
            }

            for (var m = 0; m < measures.Count; m++)
            {
                if (!placed.Contains(m))
                {
                    var row = new MeasureRef?[perDistrict.Count];
                    row[c] = measures[m];
                    keys.AddToRow(ids[m], rows.Count);
                    rows.Add(row);
                }
            }
        }

        return [.. rows.Select(r => new AlignedMeasure(r.First(x => x is not null)!.Heading, r))];
    }
}
