using PlanExtract.Benchmarking;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Reporting;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Build;

/// <summary>
/// Issue 18 item 3: an update of a country's tables (split per province or city) made from the
/// state the last build kept, reading only the touched parts' records, gives exactly the table
/// files a full build writes; a missing, damaged or stale state makes them whole instead.
/// </summary>
public sealed class TableStateTests : IDisposable
{
    // Low enough that the repository's provinces and the synthetic ones are cut per city.
    private const int Threshold = 3;

    private static readonly BuildOptions Options = new(MaxTableColumns: Threshold);

    private readonly TempFolder _temp = new();

    public TableStateTests()
    {
        // The repository's corpus has governments above others (清远市 above 清城区), whose marks
        // cross parts; the synthetic documents make enough districts to split.
        Root = Path.Combine(_temp.Path, "corpus");
        Copy(RepoPaths.Corpus, Root);
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(Root, 16);
        Layout = new CorpusLayout(Root);
        Output = Path.Combine(_temp.Path, "output");
    }

    private string Root { get; }

    private CorpusLayout Layout { get; }

    private string Output { get; }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Adds_removes_and_edits_updated_from_the_state_give_a_full_builds_tables()
    {
        var first = CorpusBuild.Run(Layout, Output, Options);
        Assert.Null(first.TablePartsUpdated);
        Assert.True(File.Exists(new OutputLayout(Output).TableState));
        var parts = Directory.EnumerateFiles(Path.Combine(Output, "tables"), "women.md", SearchOption.AllDirectories).Count();
        Assert.True(parts > 4, $"{parts} parts");

        Assert.Equal(0, CorpusBuild.Run(Layout, Output, Options).TablePartsUpdated);
        AssertSameAsFull();

        // The city above 清城区 goes: its own part goes, and 清城区's marks and legend change.
        var city = Path.Combine(Root, "广东省", "清远市");
        var stash = Path.Combine(_temp.Path, "stash");
        Directory.CreateDirectory(stash);
        foreach (var name in new[] { "plans.txt", "meta.json" })
        {
            File.Move(Path.Combine(city, name), Path.Combine(stash, name));
        }

        var removed = CorpusBuild.Run(Layout, Output, Options);
        Assert.InRange(removed.TablePartsUpdated!.Value, 1, parts - 1);
        AssertSameAsFull();

        foreach (var name in new[] { "plans.txt", "meta.json" })
        {
            File.Move(Path.Combine(stash, name), Path.Combine(city, name));
        }

        Assert.InRange(CorpusBuild.Run(Layout, Output, Options).TablePartsUpdated!.Value, 1, parts - 1);
        AssertSameAsFull();

        // A new district, and a renamed government above another (its name is in the child's legend).
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(Root, 1, first: 40);
        Assert.NotNull(CorpusBuild.Run(Layout, Output, Options).TablePartsUpdated);
        AssertSameAsFull();

        var meta = Path.Combine(city, "meta.json");
        File.WriteAllText(meta, File.ReadAllText(meta).Replace("清远市", "清远地级市", StringComparison.Ordinal));
        Assert.NotNull(CorpusBuild.Run(Layout, Output, Options).TablePartsUpdated);
        AssertSameAsFull();
    }

    [Fact]
    public void A_district_that_moves_the_row_order_gives_a_full_builds_tables()
    {
        CorpusBuild.Run(Layout, Output, Options);
        var summary = Path.Combine(Output, "tables", "summary-women.md");
        var before = Rows(summary);

        // The first district in corpus order is where most rows first appear: without it the
        // rows come in the order the next districts write them.
        var firstDocument = Layout.Documents()[0];
        CorpusRemoval.Remove(firstDocument, Layout);
        Assert.NotNull(CorpusBuild.Run(Layout, Output, Options).TablePartsUpdated);
        AssertSameAsFull();
        var after = Rows(summary);
        Assert.NotEqual(before.Where(after.Contains), after.Where(before.Contains));
    }

    [Fact]
    public void A_missing_damaged_or_stale_state_makes_the_tables_whole()
    {
        CorpusBuild.Run(Layout, Output, Options);
        var state = new OutputLayout(Output).TableState;
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(Root, 1, first: 41);

        File.Delete(state);
        Assert.Null(CorpusBuild.Run(Layout, Output, Options).TablePartsUpdated);
        AssertSameAsFull();
        Assert.True(File.Exists(state));

        File.WriteAllText(state, "not a state");
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(Root, 1, first: 42);
        Assert.Null(CorpusBuild.Run(Layout, Output, Options).TablePartsUpdated);
        AssertSameAsFull();

        // Made for another threshold: the layout differs, so the state is not used.
        var other = Options with { MaxTableColumns = Threshold + 2 };
        Assert.Null(CorpusBuild.Run(Layout, Output, other).TablePartsUpdated);
        AssertSameAsFull(other);
        Assert.Equal(0, CorpusBuild.Run(Layout, Output, other).TablePartsUpdated);

        // Under the threshold the tables are one table: no state is kept, and the last one goes.
        var whole = Options with { MaxTableColumns = 1000 };
        Assert.Null(CorpusBuild.Run(Layout, Output, whole).TablePartsUpdated);
        Assert.False(File.Exists(state));
        AssertSameAsFull(whole);
    }

    [Fact]
    public void A_state_cut_short_or_for_other_documents_reads_as_none_or_is_refused()
    {
        CorpusBuild.Run(Layout, Output, Options);
        var path = new OutputLayout(Output).TableState;
        var documents = Layout.Documents();
        var state = TableState.Load(path, documents);
        Assert.NotNull(state);
        Assert.Equal(documents.Select(d => d.Source), state.Districts.Select(d => d.Source));

        var bytes = File.ReadAllBytes(path);
        foreach (var length in new[] { 0, 10, bytes.Length / 2, bytes.Length - 1 })
        {
            var cut = Path.Combine(_temp.Path, $"cut-{length}");
            File.WriteAllBytes(cut, bytes[..length]);
            Assert.Null(TableState.Load(cut, documents));
        }

        var longer = Path.Combine(_temp.Path, "longer");
        File.WriteAllBytes(longer, [.. bytes, 0]);
        Assert.Null(TableState.Load(longer, documents));

        // A state of other code or folders is refused by the update, which then makes the tables whole.
        var now = state with { Fingerprint = "other" };
        Assert.Null(CountryTableUpdate.TryWrite(Path.Combine(_temp.Path, "staging"), Output, state, now, documents, new HashSet<string>(), _ => [], CatalogOf(documents), Threshold, _ => true));
    }

    [Fact]
    public void A_state_with_bytes_changed_anywhere_reads_as_a_state_or_none_and_never_throws()
    {
        CorpusBuild.Run(Layout, Output, Options);
        var path = new OutputLayout(Output).TableState;
        var documents = Layout.Documents();
        var bytes = File.ReadAllBytes(path);
        var random = new Random(3);
        var damaged = Path.Combine(_temp.Path, "damaged");
        for (var round = 0; round < 300; round++)
        {
            var copy = (byte[])bytes.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            File.WriteAllBytes(damaged, copy);
            var state = TableState.Load(damaged, documents);
            Assert.True(state is null || state.Districts.Count <= documents.Count + 1);
        }

        // Saved again, the state read back is the same bytes.
        var again = Path.Combine(_temp.Path, "again");
        TableState.Load(path, documents)!.Save(again);
        Assert.Equal(bytes, File.ReadAllBytes(again));
    }

    [Fact]
    public void A_build_stopped_after_the_state_moved_in_is_finished_by_the_next()
    {
        CorpusBuild.Run(Layout, Output, Options);
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(Root, 1, first: 43);
        OutputGeneration.AfterStep = s => _ = s == "index/tables.state" ? throw new IOException("killed") : 0;
        try
        {
            Assert.Throws<IOException>(() => CorpusBuild.Run(Layout, Output, Options));
        }
        finally
        {
            OutputGeneration.AfterStep = null;
        }

        AssertNextBuildRemakesNothing();
    }

    [Fact]
    public void An_updates_record_holds_every_output_as_it_is_and_an_indented_record_still_reads()
    {
        CorpusBuild.Run(Layout, Output, Options);
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(Root, 1, first: 44);
        Assert.NotNull(CorpusBuild.Run(Layout, Output, Options).TablePartsUpdated);

        // The files the update kept are recorded with the size and time the last build's check saw:
        // each must still be what the record says, as a fresh look would have written it.
        var record = Path.Combine(Output, "index", OutputGeneration.RecordFile);
        var text = File.ReadAllText(record);
        Assert.DoesNotContain('\n', text.TrimEnd());
        var files = System.Text.Json.Nodes.JsonNode.Parse(text)!["files"]!.AsArray();
        Assert.Equal(Tables(Output).Count + 5, files.Count);
        foreach (var file in files)
        {
            var info = new FileInfo(Path.Combine(Output, (string)file!["path"]!));
            Assert.True(info.Exists, (string)file["path"]!);
            Assert.Equal(info.Length, (long)file["size"]!);
            Assert.Equal(info.LastWriteTimeUtc.Ticks, (long)file["modified"]!);
        }

        Assert.Null(OutputGeneration.Inconsistency(new OutputLayout(Output)));

        // A record written indented (before this change) is read as before: nothing is made again.
        File.WriteAllText(record, System.Text.Json.Nodes.JsonNode.Parse(text)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        File.SetLastWriteTimeUtc(record, DateTime.UtcNow);
        AssertNextBuildRemakesNothing();
    }

    // The outputs stand as recorded, and the next build re-reads no document and makes no table part again.
    private void AssertNextBuildRemakesNothing()
    {
        Assert.Null(OutputGeneration.Inconsistency(new OutputLayout(Output)));
        var next = CorpusBuild.Run(Layout, Output, Options);
        Assert.Equal(0, next.Reread);
        Assert.Equal(0, next.TablePartsUpdated);
        AssertSameAsFull();
    }

    [Fact]
    public void The_last_layouts_folded_apart_are_the_folds_of_each_plan_type()
    {
        CorpusBuild.Run(Layout, Output, Options);
        var documents = Layout.Documents();
        var state = TableState.Load(new OutputLayout(Output).TableState, documents)!;
        var catalog = CatalogOf(documents);
        var layouts = CountryTableUpdate.LastLayouts(state, catalog);
        Assert.Equal(2, layouts.Count);
        foreach (var (plan, k) in new[] { (PlanExtract.Model.PlanKind.Women, 0), (PlanExtract.Model.PlanKind.Children, 1) })
        {
            var fold = RowLayout.Of(state.Districts.Select(d => d.Of(plan)).OfType<DistrictRows>(), catalog);
            Assert.True(fold.SameAs(layouts[k]), plan.ToString());
            Assert.NotEmpty(fold.Domains.SelectMany(d => d.Rows));
        }

        Assert.False(layouts[0].SameAs(layouts[1]));
    }

    private static PlanExtract.Indicators.IndicatorCatalog CatalogOf(IReadOnlyList<CorpusDocument> documents) => CrossReferenceTables.CatalogOf(documents);

    private void AssertSameAsFull(BuildOptions? options = null)
    {
        var full = Path.Combine(_temp.Path, "full");
        if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }

        CorpusBuild.Run(Layout, full, (options ?? Options) with { Full = true });
        var expected = Tables(full);
        var actual = Tables(Output);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[file]), $"{file} differs from a full build's");
        }

        // The state kept is the one a full build keeps (but for the output folder it names).
        var state = new OutputLayout(full).TableState;
        Assert.Equal(File.Exists(state), File.Exists(new OutputLayout(Output).TableState));
        if (File.Exists(state))
        {
            Assert.Equal(StateBytes(state), StateBytes(new OutputLayout(Output).TableState));
        }
    }

    private byte[] StateBytes(string path)
    {
        var state = TableState.Load(path, Layout.Documents())!;
        var copy = Path.Combine(_temp.Path, "state-copy");
        (state with { Place = string.Empty }).Save(copy);
        return File.ReadAllBytes(copy);
    }

    private static Dictionary<string, byte[]> Tables(string output)
    {
        var tables = Path.Combine(output, "tables");
        return Directory.EnumerateFiles(tables, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(tables, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes, StringComparer.Ordinal);
    }

    // The summary's indicator names, in row order.
    private static List<string> Rows(string summary) =>
        [.. File.ReadLines(summary).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| 指标", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal)).Select(l => l.Split(" | ")[0])];

    private static void Copy(string from, string to)
    {
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
