using System.Runtime.InteropServices;
using PlanExtract.Corpus;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>
/// Every district's part of a <see cref="TableState"/> in columns: each string once in
/// <see cref="Strings"/> (so equal ids are equal strings), each cell a row of ints. A country's state
/// has ~770k cells; made into five objects each again, its read was the largest item of an update,
/// and the folds and summaries walked those objects. In columns it is read, copied, folded and
/// saved without an object per cell; only the few districts an update changes, and the summary's
/// strictest and loosest levels, become objects.
/// </summary>
internal sealed class StateCells
{
    /// <summary>The string of "no string" (a null unit or value, a cell without a level).</summary>
    public const int None = -1;

    private Dictionary<string, int>? _ids;

    public StateCells(List<string> strings) => Strings = strings;

    public List<string> Strings { get; }

    public List<string> Sources { get; } = [];

    public List<string> Stamps { get; } = [];

    public List<bool> Read { get; } = [];

    /// <summary>Each district's document file, which its levels link to (not saved: the corpus gives it).</summary>
    public List<string> FilePaths { get; } = [];

    /// <summary>The women's and the children's cells.</summary>
    public PlanColumns[] Plans { get; } = [new(), new()];

    public int Count => Sources.Count;

    public static int PlanIndex(PlanKind plan) => plan == PlanKind.Women ? 0 : 1;

    public string? Text(int id) => id == None ? null : Strings[id];

    /// <summary>The id of a string, added when new; <see cref="None"/> for null.</summary>
    public int Intern(string? text)
    {
        if (text is null)
        {
            return None;
        }

        if (_ids is null)
        {
            _ids = new Dictionary<string, int>(Strings.Count, StringComparer.Ordinal);
            for (var i = 0; i < Strings.Count; i++)
            {
                _ids.TryAdd(Strings[i], i);
            }
        }

        if (!_ids.TryGetValue(text, out var id))
        {
            id = Strings.Count;
            Strings.Add(text);
            _ids.Add(text, id);
        }

        return id;
    }

    /// <summary>The columns of districts given as objects (a full build's, in corpus order).</summary>
    public static StateCells Of(IReadOnlyList<DistrictState> districts, IReadOnlyList<string>? filePaths = null)
    {
        var cells = new StateCells([]);
        for (var i = 0; i < districts.Count; i++)
        {
            cells.Add(districts[i], filePaths?[i] ?? FilePathOf(districts[i]));
        }

        return cells;
    }

    /// <summary>
    /// The columns of <paramref name="documents"/> after an update: a district in
    /// <paramref name="fresh"/> from its object, every other copied from <paramref name="last"/> as it
    /// is (same string ids: the strings are a copy of the last list, new ones added after).
    /// </summary>
    /// <param name="lastOf">Each source's district in <paramref name="last"/>.</param>
    public static StateCells Next(StateCells last, IReadOnlyDictionary<string, int> lastOf, IReadOnlyList<CorpusDocument> documents, IReadOnlyDictionary<string, DistrictState> fresh)
    {
        var cells = new StateCells([.. last.Strings]);
        for (var k = 0; k < cells.Plans.Length; k++)
        {
            cells.Plans[k].Reserve(last.Plans[k].CellCount + 1024);
        }

        foreach (var document in documents)
        {
            if (fresh.TryGetValue(document.Source, out var state))
            {
                cells.Add(state, document.FilePath);
            }
            else
            {
                cells.CopyFrom(last, lastOf[document.Source]);
            }
        }

        return cells;
    }

    /// <summary>A district given as an object, after the others.</summary>
    public void Add(DistrictState district, string filePath)
    {
        AddDistrict(district.Source, district.Stamp, district.Read, filePath);
        Plans[0].Add(this, district.Women);
        Plans[1].Add(this, district.Children);
    }

    /// <summary>District <paramref name="d"/> of <paramref name="from"/>, whose strings are the first of these (a copy of its list, maybe longer).</summary>
    public void CopyFrom(StateCells from, int d)
    {
        AddDistrict(from.Sources[d], from.Stamps[d], from.Read[d], from.FilePaths[d]);
        Plans[0].CopyFrom(from.Plans[0], d);
        Plans[1].CopyFrom(from.Plans[1], d);
    }

    public void AddDistrict(string source, string stamp, bool read, string filePath)
    {
        Sources.Add(source);
        Stamps.Add(stamp);
        Read.Add(read);
        FilePaths.Add(filePath);
    }

    /// <summary>District <paramref name="d"/> as the objects a state was read into before it was kept in columns.</summary>
    public DistrictState District(int d) =>
        new(Sources[d], Stamps[d], Read[d], Plans[0].Rows(this, d), Plans[1].Rows(this, d));

    /// <summary>The first level of cell <paramref name="c"/> as the summary reads it (its place, text, comparator, value and unit).</summary>
    public CellValue Level(PlanColumns plan, int c, int d)
    {
        var (line, page) = (Number(plan.Line[c]), Number(plan.Page[c]));
        var (text, at) = (Strings[plan.Text[c]], Strings[plan.Source[c]]);
        var target = new Target { Plan = string.Empty, Section = string.Empty, Indicator = Strings[plan.Label[c]], Comparator = Strings[plan.Comparator[c]], Value = Text(plan.Value[c]), Unit = Text(plan.Unit[c]), Text = text, Source = at, Line = line, Page = page };
        return new CellValue(text, at, FilePaths[d], line, page, null, null, [target]);
    }

    private static int? Number(int stored) => stored >= 0 ? stored : null;

    private static string FilePathOf(DistrictState district) =>
        new[] { district.Women, district.Children }.OfType<DistrictRows>().SelectMany(r => r.Cells).Select(c => c.FirstLevel?.FilePath).FirstOrDefault(f => f is not null) ?? string.Empty;
}

/// <summary>One plan type's cells of every district, in corpus order, as columns (see <see cref="StateCells"/>).</summary>
internal sealed class PlanColumns
{
    /// <summary>Per district: whether it has a plan of this type (its rows are not null).</summary>
    public List<bool> Has { get; } = [];

    /// <summary>Per district and one more: where its domain names, cells and cells' domains start.</summary>
    public List<int> NameStart { get; } = [0];

    public List<int> CellStart { get; } = [0];

    public List<int> DomainStart { get; } = [0];

    public List<int> Names { get; } = [];

    // Per cell. Text is None for a cell without a level; then Source … Unit are None too.
    public List<int> Key { get; } = [];

    public List<int> Label { get; } = [];

    public List<bool> InCatalog { get; } = [];

    public List<int> DomainCount { get; } = [];

    public List<int> Text { get; } = [];

    public List<int> Source { get; } = [];

    public List<int> Line { get; } = [];

    public List<int> Page { get; } = [];

    public List<int> Comparator { get; } = [];

    public List<int> Value { get; } = [];

    public List<int> Unit { get; } = [];

    // Per domain of a cell.
    public List<int> Domain { get; } = [];

    public List<int> DomainN { get; } = [];

    public int CellCount => Key.Count;

    public void Add(StateCells cells, DistrictRows? rows)
    {
        Has.Add(rows is not null);
        if (rows is not null)
        {
            foreach (var name in rows.DomainNames)
            {
                Names.Add(cells.Intern(name));
            }

            foreach (var cell in rows.Cells)
            {
                AddCell(cells.Intern(cell.Key), cells.Intern(cell.Label), cell.InCatalog, cell.Domains.Count);
                foreach (var (domain, n) in cell.Domains)
                {
                    Domain.Add(cells.Intern(domain));
                    DomainN.Add(n);
                }

                if (cell.FirstLevel is { } level)
                {
                    var t = level.Target;
                    AddLevel(cells.Intern(level.Text), cells.Intern(level.Source), level.Line ?? -1, level.Page ?? -1, cells.Intern(t.Comparator), cells.Intern(t.Value), cells.Intern(t.Unit));
                }
                else
                {
                    AddLevel(StateCells.None, StateCells.None, -1, -1, StateCells.None, StateCells.None, StateCells.None);
                }
            }
        }

        EndDistrict();
    }

    /// <summary>Room for <paramref name="cells"/> cells (and as many domains) without growing the columns.</summary>
    public void Reserve(int cells)
    {
        foreach (var column in new[] { Key, Label, DomainCount, Text, Source, Line, Page, Comparator, Value, Unit, Domain, DomainN })
        {
            column.EnsureCapacity(cells);
        }

        InCatalog.EnsureCapacity(cells);
    }

    public void AddCell(int key, int label, bool inCatalog, int domains)
    {
        Key.Add(key);
        Label.Add(label);
        InCatalog.Add(inCatalog);
        DomainCount.Add(domains);
    }

    public void AddLevel(int text, int source, int line, int page, int comparator, int value, int unit)
    {
        Text.Add(text);
        Source.Add(source);
        Line.Add(line);
        Page.Add(page);
        Comparator.Add(comparator);
        Value.Add(value);
        Unit.Add(unit);
    }

    /// <summary>Closes the district whose names, cells and domains were added last.</summary>
    public void EndDistrict()
    {
        NameStart.Add(Names.Count);
        CellStart.Add(Key.Count);
        DomainStart.Add(Domain.Count);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void CopyFrom(PlanColumns from, int d)
    {
        Has.Add(from.Has[d]);
        Copy(Names, from.Names, from.NameStart, d);
        foreach (var column in new[] { (Key, from.Key), (Label, from.Label), (DomainCount, from.DomainCount), (Text, from.Text), (Source, from.Source), (Line, from.Line), (Page, from.Page), (Comparator, from.Comparator), (Value, from.Value), (Unit, from.Unit) })
        {
            Copy(column.Item1, column.Item2, from.CellStart, d);
        }

        Copy(InCatalog, from.InCatalog, from.CellStart, d);
        Copy(Domain, from.Domain, from.DomainStart, d);
        Copy(DomainN, from.DomainN, from.DomainStart, d);
        EndDistrict();
    }

    private static void Copy<T>(List<T> to, List<T> from, List<int> start, int d) =>
        to.AddRange(CollectionsMarshal.AsSpan(from)[start[d]..start[d + 1]]);

    /// <summary>District <paramref name="d"/>'s rows as objects; null when it has no plan of this type.</summary>
    public DistrictRows? Rows(StateCells cells, int d)
    {
        if (!Has[d])
        {
            return null;
        }

        var names = new string[NameStart[d + 1] - NameStart[d]];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = cells.Strings[Names[NameStart[d] + i]];
        }

        var rows = new KeyCell[CellStart[d + 1] - CellStart[d]];
        var at = DomainStart[d];
        for (var i = 0; i < rows.Length; i++)
        {
            var c = CellStart[d] + i;
            var domains = new List<(string, int)>(DomainCount[c]);
            for (var n = DomainCount[c]; n > 0; n--, at++)
            {
                domains.Add((cells.Strings[Domain[at]], DomainN[at]));
            }

            rows[i] = new KeyCell(cells.Strings[Key[c]], cells.Strings[Label[c]], InCatalog[c], domains, Text[c] == StateCells.None ? null : cells.Level(this, c, d));
        }

        return new DistrictRows(names, rows);
    }
}
