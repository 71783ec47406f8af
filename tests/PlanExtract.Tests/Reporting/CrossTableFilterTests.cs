using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Tests.Reporting;

/// <summary>
/// A filtered table picked out of the whole one (<see cref="CrossTableBuilder.Filter"/>, what the
/// web view does) is the table <see cref="CrossTableBuilder.Build"/> makes with the filter.
/// </summary>
public sealed class CrossTableFilterTests
{
    public static TheoryData<PlanKind, string?, string?> Filters => new()
    {
        { PlanKind.Women, "健康", null },
        { PlanKind.Women, null, "死亡率" },
        { PlanKind.Women, "健康", "死亡率" },
        { PlanKind.Children, "教育", null },
        { PlanKind.Children, null, "率" },
        { PlanKind.Women, "no such domain", null },
        { PlanKind.Women, null, "no such indicator" },
        { PlanKind.Children, " 健康 ", null },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Picking_the_rows_out_of_the_whole_table_gives_the_table_built_with_the_filter(PlanKind plan, string? domain, string? indicator)
    {
        var filter = new TableFilter(domain, indicator);
        var whole = CrossTableBuilder.Build(CorpusResults.All, plan, CorpusResults.Catalog);
        AssertSameTable(CrossTableBuilder.Build(CorpusResults.All, plan, CorpusResults.Catalog, filter), CrossTableBuilder.Filter(whole, filter));
    }

    [Fact]
    public void A_row_is_kept_by_the_name_its_targets_are_written_with_not_only_its_label()
    {
        // A target whose written name says something its row's canonical label does not.
        var whole = CrossTableBuilder.Build(CorpusResults.All, PlanKind.Women, CorpusResults.Catalog);
        var (row, written) = whole.Domains.SelectMany(d => d.Rows)
            .SelectMany(r => r.Cells.SelectMany(c => c).SelectMany(v => v.Targets).Select(t => (Row: r, Written: t.Indicator)))
            .First(x => !x.Row.Indicator.Contains(x.Written, StringComparison.Ordinal));
        var filter = new TableFilter(Indicator: written);
        var picked = CrossTableBuilder.Filter(whole, filter);
        Assert.Contains(picked.Domains.SelectMany(d => d.Rows), r => ReferenceEquals(r, row));
        AssertSameTable(CrossTableBuilder.Build(CorpusResults.All, PlanKind.Women, CorpusResults.Catalog, filter), picked);
    }

    [Fact]
    public void The_picked_rows_are_the_whole_tables_own_and_no_filter_is_the_whole_table()
    {
        var whole = CrossTableBuilder.Build(CorpusResults.All, PlanKind.Women, CorpusResults.Catalog);
        Assert.Same(whole, CrossTableBuilder.Filter(whole, TableFilter.None));
        var rows = whole.Domains.SelectMany(d => d.Rows).ToHashSet(ReferenceEqualityComparer.Instance);
        var picked = CrossTableBuilder.Filter(whole, new TableFilter(Indicator: "率"));
        Assert.NotEmpty(picked.Domains);
        Assert.All(picked.Domains.SelectMany(d => d.Rows), r => Assert.Contains(r, rows));
        Assert.Same(whole.Districts, picked.Districts);
    }

    private static void AssertSameTable(CrossTable built, CrossTable picked)
    {
        Assert.Equal(built.Plan, picked.Plan);
        Assert.Equal(built.Districts, picked.Districts);
        Assert.Equal(Shape(built), Shape(picked));
        // Every cell's value, link and marks, as the table writer gives them.
        var folder = Path.GetDirectoryName(RepoPaths.Corpus)!;
        Assert.Equal(MarkdownCrossTable.Write([built], folder), MarkdownCrossTable.Write([picked], folder));
    }

    private static List<string> Shape(CrossTable table) =>
        [.. table.Domains.SelectMany(d => d.Rows.Select(r => d.Domain + " / " + r.Indicator + " / " + r.InCatalog + " / "
            + string.Join("|", r.Cells.Select(c => string.Join(",", c.Select(v => $"{v.Text}@{v.Line}{v.VsParent}{v.VsReference}#{v.Targets.Count}")))))).ToList()];
}
