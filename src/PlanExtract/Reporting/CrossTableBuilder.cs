using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Reporting;

/// <summary>Which rows a table keeps: a domain and an indicator, each matched as a part of the name.</summary>
public sealed record TableFilter(string? Domain = null, string? Indicator = null)
{
    public static TableFilter None { get; } = new();

    public bool KeepsDomain(string domain) => Domain is null || Contains(domain, Domain);

    public bool KeepsIndicator(string label) => Indicator is null || Contains(label, Indicator);

    private static bool Contains(string text, string part) =>
        CharFold.Fold(text).Contains(CharFold.Fold(part).Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Lays the corpus targets out as indicators × districts. A target counts wherever the plan states
/// it (goal, indicator list, measure, key project); a key project's target, outside the domains,
/// goes to the domain where that indicator is written elsewhere in the plans, else the catalog's.
/// </summary>
public static class CrossTableBuilder
{
    /// <summary>Section for indicators no domain claims (a key project's own targets).</summary>
    public const string OutsideDomains = "重点工程/项目（未归入领域的指标）";

    public static CrossTable Build(IReadOnlyList<DocumentResult> results, PlanKind plan, IndicatorCatalog catalog, TableFilter? filter = null)
    {
        filter ??= TableFilter.None;
        var read = results.Where(r => r.Plans is not null).ToList();
        var withPlan = read.Where(r => r.Plans!.Plans.Any(p => p.Kind == plan)).ToList();
        var columns = withPlan.Select(r => new DistrictColumn(Name(r), r.Document, ParentOf(r, read) is { } p ? Name(p) : null)).ToList();
        var parentTargets = withPlan.Select(r => ParentOf(r, read) is { } p ? p.Plans!.AllTargets().Where(t => t.IndicatorId is not null).ToList() : null).ToList();

        var targets = withPlan.Select(r => r.Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.AllItems()).SelectMany(i => i.Targets).ToList()).ToList();
        var all = targets.SelectMany(t => t).ToList();

        // Domains in the order the plans give them; a row's domain is where its indicator is most often written.
        var domainOrder = withPlan.SelectMany(r => r.Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.Domains).Select(d => d.Name))
            .Distinct(StringComparer.Ordinal).ToList();
        var rowDomain = all.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
            g.Where(t => t.Domain is not null).GroupBy(t => t.Domain!, StringComparer.Ordinal)
                .OrderByDescending(d => d.Count()).ThenBy(d => domainOrder.IndexOf(d.Key)).Select(d => d.Key).FirstOrDefault()
            ?? (catalog.Find(g.First().IndicatorId) is { Domain: { } home } && domainOrder.Contains(home) ? home : OutsideDomains),
            StringComparer.Ordinal);

        var rowOrder = all.Select(Key).Distinct(StringComparer.Ordinal).ToList();
        var domains = new List<DomainTable>();
        foreach (var domain in domainOrder.Append(OutsideDomains).Where(filter.KeepsDomain))
        {
            var rows = new List<IndicatorRow>();
            foreach (var key in rowOrder.Where(k => rowDomain[k] == domain))
            {
                var sample = all.First(t => Key(t) == key);
                var label = sample.IndicatorId ?? sample.Indicator;
                if (!filter.KeepsIndicator(label) && !all.Any(t => Key(t) == key && filter.KeepsIndicator(t.Indicator)))
                {
                    continue;
                }

                var definition = catalog.Find(sample.IndicatorId);
                var cells = new List<IReadOnlyList<CellValue>>();
                for (var c = 0; c < columns.Count; c++)
                {
                    cells.Add(Cell(targets[c].Where(t => Key(t) == key), columns[c].Document, parentTargets[c], definition));
                }

                rows.Add(new IndicatorRow(label, sample.IndicatorId is not null, cells));
            }

            if (rows.Count > 0)
            {
                domains.Add(new DomainTable(domain, rows));
            }
        }

        return new CrossTable(plan, columns, domains);
    }

    /// <summary>Rows join on the canonical id; an unmatched indicator keeps its own written name.</summary>
    private static string Key(Target t) => t.IndicatorId is { } id ? "id:" + id : "written:" + CharFold.Fold(t.Indicator);

    private static List<CellValue> Cell(IEnumerable<Target> targets, CorpusDocument document, List<Target>? parent, IndicatorDefinition? definition)
    {
        var values = new List<CellValue>();
        foreach (var t in targets)
        {
            var text = TargetCell.Format(t) + (t.Population is { Length: > 0 } p ? $"（{p}）" : string.Empty);
            // The same value stated again (a goal repeated in a key project) is one value; a different one is shown too.
            if (values.Any(v => v.Text == text))
            {
                continue;
            }

            var vsParent = parent?.Where(o => o.IndicatorId == t.IndicatorId && o.Population == t.Population)
                .Select(o => StrictnessRule.Compare(t, o, definition)).FirstOrDefault(s => s is not null);
            var vsReference = definition?.References.Select(r => StrictnessRule.Compare(t, r, definition)).FirstOrDefault(s => s is not null);
            values.Add(new CellValue(text, t.Source, document.FilePath, t.Line, t.Page, vsParent, vsReference));
        }

        return values;
    }

    private static string Name(DocumentResult r) => r.Document.Metadata.DisplayName;

    /// <summary>The nearest document whose folder holds this one's: 清远市 above 清远市/清城区.</summary>
    private static DocumentResult? ParentOf(DocumentResult child, IReadOnlyList<DocumentResult> all) =>
        all.Where(r => r != child && IsUnder(child.Document.Folder, r.Document.Folder))
            .OrderByDescending(r => r.Document.Folder.Length).FirstOrDefault();

    private static bool IsUnder(string folder, string ancestor)
    {
        var relative = Path.GetRelativePath(ancestor, folder);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
