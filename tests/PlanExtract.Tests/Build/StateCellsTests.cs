using PlanExtract.Benchmarking;
using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Reporting;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Build;

/// <summary>
/// Issue 18 item 3: a table state kept in columns (<see cref="StateCells"/>) and updated by copying
/// the unchanged districts' columns is, after any sequence of adds, removes and edits, the state
/// made from scratch from the districts' objects: the same saved bytes, the same districts read
/// back, and the same row layouts folded from the columns as from the objects.
/// </summary>
public sealed class StateCellsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Random_adds_removes_and_edits_give_the_state_made_from_scratch()
    {
        // The repository's plans and synthetic districts, each made a district state once.
        var root = Path.Combine(_temp.Path, "corpus");
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(root, 40);
        var layout = new CorpusLayout(root);
        var results = new CorpusReader(Pipeline.ForCorpus(root)).ReadAll(layout).Concat(Reporting.CorpusResults.All).ToList();
        var catalog = CrossReferenceTables.CatalogOf([.. results.Select(r => r.Document)]);
        var pool = results.DistinctBy(r => r.Document.Source).Select(r => (r.Document, State: DistrictState.Of(r, catalog))).ToList();
        Assert.True(pool.Count >= 40, $"{pool.Count} districts");
        Assert.Contains(pool, p => p.State.Women is null != (p.State.Children is null));

        var random = new Random(18);
        for (var sequence = 0; sequence < 6; sequence++)
        {
            // Districts in pool order (as a corpus lists them); an edit gives a district another's rows under its own name.
            var now = pool.Where(_ => random.Next(3) > 0).Select(p => (p.Document, p.State)).ToList();
            var state = new TableState("f", "p", StateCells.Of([.. now.Select(n => n.State)], [.. now.Select(n => n.Document.FilePath)]));
            for (var step = 0; step < 8; step++)
            {
                var fresh = new Dictionary<string, DistrictState>(StringComparer.Ordinal);
                for (var changes = random.Next(1, 4); changes > 0; changes--)
                {
                    var pick = pool[random.Next(pool.Count)];
                    var at = now.FindIndex(n => n.Document.Source == pick.Document.Source);
                    switch (random.Next(3))
                    {
                        case 0 when at >= 0:
                            now.RemoveAt(at);
                            fresh.Remove(pick.Document.Source);
                            break;
                        case 1 when at >= 0:
                            var other = pool[random.Next(pool.Count)].State;
                            now[at] = (pick.Document, other with { Source = pick.Document.Source, Stamp = other.Stamp + step });
                            fresh[pick.Document.Source] = now[at].State;
                            break;
                        case 2 when at < 0:
                            var place = now.Count(n => pool.FindIndex(p => p.Document.Source == n.Document.Source) < pool.FindIndex(p => p.Document.Source == pick.Document.Source));
                            now.Insert(place, pick);
                            fresh[pick.Document.Source] = pick.State;
                            break;
                    }
                }

                var cells = state.Cells;
                var lastOf = Enumerable.Range(0, cells.Count).ToDictionary(d => cells.Sources[d], StringComparer.Ordinal);
                var updated = new TableState("f", "p", StateCells.Next(cells, lastOf, [.. now.Select(n => n.Document)], fresh));
                var scratch = new TableState("f", "p", [.. now.Select(n => n.State)]);
                Assert.Equal(Saved(scratch), Saved(updated));
                AssertSameLayouts(scratch, updated, catalog);
                state = updated;
            }

            // Read back from its file, the state is the districts it was made of.
            var file = Path.Combine(_temp.Path, "state");
            state.Save(file);
            var read = TableState.Load(file, [.. now.Select(n => n.Document)])!;
            Assert.Equal(Saved(state), Saved(read));
            Assert.Equal(now.Select(n => Shown(n.State)), read.Districts.Select(Shown));
            // Its levels link to the files the corpus gives now.
            Assert.All(read.Districts.Zip(now), p => Assert.All(new[] { p.First.Women, p.First.Children }.OfType<DistrictRows>().SelectMany(r => r.Cells),
                c => Assert.True(c.FirstLevel is null || c.FirstLevel.FilePath == p.Second.Document.FilePath)));
        }
    }

    [Fact]
    public void A_state_with_no_districts_or_no_plans_folds_to_empty_domains()
    {
        var catalog = Reporting.CorpusResults.Catalog;
        var none = new TableState("f", "p", []);
        Assert.All(CountryTableUpdate.LastLayouts(none, catalog), l => Assert.Equal(new[] { CrossTableBuilder.OutsideDomains }, l.Domains.Select(d => d.Domain)));
        var unread = new TableState("f", "p", [new DistrictState("corpus/甲省/plans.txt", "s", false, null, null)]);
        Assert.All(CountryTableUpdate.LastLayouts(unread, catalog), l => Assert.Empty(l.Domains.SelectMany(d => d.Rows)));
        Assert.Equal(Saved(unread), Saved(new TableState("f", "p", unread.Cells)));
    }

    private static void AssertSameLayouts(TableState expected, TableState actual, IndicatorCatalog catalog)
    {
        var layouts = CountryTableUpdate.LastLayouts(actual, catalog);
        foreach (var (plan, k) in new[] { (PlanKind.Women, 0), (PlanKind.Children, 1) })
        {
            var fold = RowLayout.Of(expected.Districts.Select(d => d.Of(plan)).OfType<DistrictRows>(), catalog);
            Assert.True(fold.SameAs(layouts[k]), plan.ToString());
        }
    }

    private byte[] Saved(TableState state)
    {
        var path = Path.Combine(_temp.Path, "saved");
        state.Save(path);
        return File.ReadAllBytes(path);
    }

    // A district as its objects show it: every cell's key, name, domains and first level.
    private static string Shown(DistrictState d) =>
        string.Join("\n", new[] { d.Source, d.Stamp, d.Read.ToString() }.Concat(new[] { d.Women, d.Children }.Select(r => r is null ? "-" :
            string.Join(";", r.DomainNames) + "|" + string.Join(";", r.Cells.Select(c =>
                $"{c.Key},{c.Label},{c.InCatalog},{string.Join("/", c.Domains)},{c.FirstLevel?.Text},{c.FirstLevel?.Source},{c.FirstLevel?.Line},{c.FirstLevel?.Page},{c.FirstLevel?.Target.Comparator},{c.FirstLevel?.Target.Value},{c.FirstLevel?.Target.Unit}")))));
}
