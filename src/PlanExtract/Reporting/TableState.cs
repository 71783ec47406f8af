using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PlanExtract.Corpus;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>
/// What a build kept of every district for the next update of a country's tables
/// (<see cref="OutputLayout.TableState"/>): its cells by row key per plan type, with the domains they are
/// written in and each cell's first level. The row order, each row's domain and the national
/// summaries depend on every district; from this state they are folded again without reading
/// any record, so an update reads the records of only the parts it rewrites. Held in columns
/// (<see cref="StateCells"/>); <see cref="Districts"/> makes objects of them only when asked.
/// </summary>
public sealed record TableState
{
    private const string Magic = "planextract-table-state-2";

    private IReadOnlyList<DistrictState>? _districts;

    /// <param name="fingerprint">The code and catalog that made it (a state from others is not used).</param>
    /// <param name="place">The corpus and output folders and the column threshold: the tables' links and layout depend on them.</param>
    public TableState(string fingerprint, string place, IReadOnlyList<DistrictState> districts)
        : this(fingerprint, place, StateCells.Of(districts))
    {
        _districts = districts;
    }

    internal TableState(string fingerprint, string place, StateCells cells)
    {
        Fingerprint = fingerprint;
        Place = place;
        Cells = cells;
    }

    /// <summary>The code and catalog that made it (a state from others is not used).</summary>
    public string Fingerprint { get; init; }

    /// <summary>The corpus and output folders and the column threshold: the tables' links and layout depend on them.</summary>
    public string Place { get; init; }

    /// <summary>Every district, in corpus order, as objects (made on first use: an update reads <see cref="Cells"/>).</summary>
    public IReadOnlyList<DistrictState> Districts => _districts ??= [.. Enumerable.Range(0, Cells.Count).Select(Cells.District)];

    internal StateCells Cells { get; }

    /// <summary>The state of <paramref name="results"/> (every corpus document, in corpus order).</summary>
    public static TableState Of(string fingerprint, string place, IReadOnlyList<DocumentResult> results, Indicators.IndicatorCatalog catalog)
    {
        var districts = new DistrictState[results.Count];
        Parallel.For(0, results.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => districts[i] = DistrictState.Of(results[i], catalog));
        return new TableState(fingerprint, place, StateCells.Of(districts, [.. results.Select(r => r.Document.FilePath)]));
    }

    /// <summary>The folders and threshold a state is for, as one string.</summary>
    public static string PlaceOf(string corpusRoot, string outputFolder, int maxColumns) =>
        $"{Path.GetFullPath(corpusRoot)}\n{Path.GetFullPath(outputFolder)}\n{maxColumns}";

    public void Save(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Fingerprint);
        writer.Write(Place);
        writer.Write(Cells.Count);
        var strings = new StringTable.Writer(writer, Cells.Strings);
        for (var d = 0; d < Cells.Count; d++)
        {
            writer.Write(Cells.Sources[d]);
            writer.Write(Cells.Stamps[d]);
            writer.Write(Cells.Read[d]);
            WriteRows(writer, strings, Cells.Plans[0], d);
            WriteRows(writer, strings, Cells.Plans[1], d);
        }

        writer.Write(Magic);
    }

    /// <summary>The state in <paramref name="path"/>, or null when it is missing, damaged or cut short (the tables are then made whole).</summary>
    /// <param name="documents">The corpus now: a cell's level links to its document's file.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static TableState? Load(string path, IReadOnlyList<CorpusDocument> documents)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var files = new Dictionary<string, string>(documents.Count, StringComparer.Ordinal);
        foreach (var d in documents)
        {
            files.TryAdd(d.Source, d.FilePath);
        }

        try
        {
            // Read whole and parsed into columns: no object per cell.
            using var reader = new BinaryReader(new MemoryStream(File.ReadAllBytes(path), writable: false), Encoding.UTF8);
            if (reader.ReadString() != Magic)
            {
                return null;
            }

            var (fingerprint, place) = (reader.ReadString(), reader.ReadString());
            var count = reader.ReadInt32();
            if (count < 0 || count > new FileInfo(path).Length)
            {
                return null;
            }

            var cells = new StateCells([]);
            // Room for about as many cells as a state of this size holds (~30 bytes a cell, two plan
            // types), so the columns seldom grow; at most 2 M cells a plan type (12,800 documents would hold
            // about 0.7 M), so a damaged or foreign large file cannot make it reserve gigabytes.
            foreach (var plan in cells.Plans)
            {
                plan.Reserve((int)Math.Min(new FileInfo(path).Length / 48, 1 << 21));
            }

            var strings = new StringTable.Reader(cells);
            for (var i = 0; i < count; i++)
            {
                var (source, stamp, read) = (reader.ReadString(), reader.ReadString(), reader.ReadBoolean());
                cells.AddDistrict(source, stamp, read, files.GetValueOrDefault(source) ?? string.Empty);
                ReadRows(reader, strings, cells.Plans[0]);
                ReadRows(reader, strings, cells.Plans[1]);
            }

            return reader.ReadString() == Magic && reader.BaseStream.Position == reader.BaseStream.Length ? new TableState(fingerprint, place, cells) : null;
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void WriteRows(BinaryWriter writer, StringTable.Writer strings, PlanColumns plan, int d)
    {
        writer.Write(plan.Has[d]);
        if (!plan.Has[d])
        {
            return;
        }

        writer.Write(plan.NameStart[d + 1] - plan.NameStart[d]);
        for (var i = plan.NameStart[d]; i < plan.NameStart[d + 1]; i++)
        {
            strings.Write(plan.Names[i]);
        }

        writer.Write(plan.CellStart[d + 1] - plan.CellStart[d]);
        var at = plan.DomainStart[d];
        for (var c = plan.CellStart[d]; c < plan.CellStart[d + 1]; c++)
        {
            strings.Write(plan.Key[c]);
            strings.Write(plan.Label[c]);
            writer.Write(plan.InCatalog[c]);
            writer.Write(plan.DomainCount[c]);
            for (var n = plan.DomainCount[c]; n > 0; n--, at++)
            {
                strings.Write(plan.Domain[at]);
                writer.Write(plan.DomainN[at]);
            }

            writer.Write(plan.Text[c] != StateCells.None);
            if (plan.Text[c] != StateCells.None)
            {
                strings.Write(plan.Text[c]);
                strings.Write(plan.Source[c]);
                writer.Write(plan.Line[c]);
                writer.Write(plan.Page[c]);
                strings.Write(plan.Comparator[c]);
                strings.Write(plan.Value[c]);
                strings.Write(plan.Unit[c]);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ReadRows(BinaryReader reader, StringTable.Reader strings, PlanColumns plan)
    {
        var has = reader.ReadBoolean();
        plan.Has.Add(has);
        if (!has)
        {
            plan.EndDistrict();
            return;
        }

        for (var i = Count(reader); i > 0; i--)
        {
            plan.Names.Add(strings.Text(reader));
        }

        for (var i = Count(reader); i > 0; i--)
        {
            var (key, label, inCatalog) = (strings.Text(reader), strings.Text(reader), reader.ReadBoolean());
            var domains = Count(reader);
            plan.AddCell(key, label, inCatalog, domains);
            for (var d = domains; d > 0; d--)
            {
                plan.Domain.Add(strings.Text(reader));
                plan.DomainN.Add(reader.ReadInt32());
            }

            if (reader.ReadBoolean())
            {
                var (text, at) = (strings.Text(reader), strings.Text(reader));
                var (line, page) = (Stored(reader.ReadInt32()), Stored(reader.ReadInt32()));
                var (comparator, value, unit) = (strings.Text(reader), strings.Read(reader), strings.Read(reader));
                plan.AddLevel(text, at, line, page, comparator, value, unit);
            }
            else
            {
                plan.AddLevel(StateCells.None, StateCells.None, -1, -1, StateCells.None, StateCells.None, StateCells.None);
            }
        }

        plan.EndDistrict();
    }

    private static int Count(BinaryReader reader) => reader.ReadInt32() is var n and >= 0 and < (1 << 24) ? n : throw new FormatException("bad count");

    // A line or page is kept as written, or -1 for none (any negative number read is none).
    private static int Stored(int line) => line >= 0 ? line : -1;

    /// <summary>
    /// Strings written once and then by number: row keys, names, domains and levels repeat across
    /// thousands of districts, so the state is several times smaller and read without a string per cell.
    /// </summary>
    private static class StringTable
    {
        /// <summary>Numbers strings in the order first written, as the file has always numbered them.</summary>
        public sealed class Writer(BinaryWriter writer, List<string> strings)
        {
            // The file's number of each id, 0 until written; ids are distinct strings, so this numbers by string.
            private readonly int[] _numbers = new int[strings.Count];
            private int _next;

            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
            public void Write(int id)
            {
                if (id == StateCells.None)
                {
                    writer.Write7BitEncodedInt(0);
                }
                else if (_numbers[id] > 0)
                {
                    writer.Write7BitEncodedInt(_numbers[id] + 1);
                }
                else
                {
                    _numbers[id] = ++_next;
                    writer.Write7BitEncodedInt(1);
                    writer.Write(strings[id]);
                }
            }
        }

        /// <summary>Gives each string read the id of the cells' list (a string written twice in a damaged file gets one id).</summary>
        public sealed class Reader(StateCells cells)
        {
            private readonly List<int> _ids = [];

            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
            public int Read(BinaryReader reader)
            {
                var n = reader.Read7BitEncodedInt();
                switch (n)
                {
                    case 0:
                        return StateCells.None;
                    case 1:
                        var id = cells.Intern(reader.ReadString());
                        _ids.Add(id);
                        return id;
                    default:
                        return (uint)(n - 2) < (uint)_ids.Count ? _ids[n - 2] : throw new FormatException("no such string");
                }
            }

            /// <summary>A string that must be there; a missing one is a damaged state.</summary>
            public int Text(BinaryReader reader) => Read(reader) is var id and not StateCells.None ? id : throw new FormatException("a string is missing");
        }
    }
}

/// <summary>One document's part of a <see cref="TableState"/>: its rows per plan type (null when it has no plan of that type).</summary>
/// <param name="Stamp">What the tables read of the document besides its record (folder, file, metadata): a change there is a change to its columns.</param>
/// <param name="Read">Whether its plans were read (a failed document is no column and no government above another).</param>
public sealed record DistrictState(string Source, string Stamp, bool Read, DistrictRows? Women, DistrictRows? Children)
{
    public DistrictRows? Of(PlanKind plan) => plan == PlanKind.Women ? Women : Children;

    public static DistrictState Of(DocumentResult result, Indicators.IndicatorCatalog catalog)
    {
        DistrictRows? Rows(PlanKind plan) => result.Plans?.Plans.Any(p => p.Kind == plan) == true ? CrossTableBuilder.Rows(result, plan, catalog) : null;
        return new DistrictState(result.Document.Source, StampOf(result.Document), result.Plans is not null, Rows(PlanKind.Women), Rows(PlanKind.Children));
    }

    public static string StampOf(CorpusDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(document, RecordJson.Serializer)))[..32];
}
