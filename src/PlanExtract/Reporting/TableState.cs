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
/// any record, so an update reads the records of only the parts it rewrites.
/// </summary>
/// <param name="Fingerprint">The code and catalog that made it (a state from others is not used).</param>
/// <param name="Place">The corpus and output folders and the column threshold: the tables' links and layout depend on them.</param>
public sealed record TableState(string Fingerprint, string Place, IReadOnlyList<DistrictState> Districts)
{
    private const string Magic = "planextract-table-state-2";

    /// <summary>The state of <paramref name="results"/> (every corpus document, in corpus order).</summary>
    public static TableState Of(string fingerprint, string place, IReadOnlyList<DocumentResult> results, Indicators.IndicatorCatalog catalog)
    {
        var districts = new DistrictState[results.Count];
        Parallel.For(0, results.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => districts[i] = DistrictState.Of(results[i], catalog));
        return new TableState(fingerprint, place, districts);
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
        writer.Write(Districts.Count);
        var strings = new StringTable.Writer(writer);
        foreach (var district in Districts)
        {
            writer.Write(district.Source);
            writer.Write(district.Stamp);
            writer.Write(district.Read);
            WriteRows(writer, strings, district.Women);
            WriteRows(writer, strings, district.Children);
        }

        writer.Write(Magic);
    }

    /// <summary>The state in <paramref name="path"/>, or null when it is missing, damaged or cut short (the tables are then made whole).</summary>
    /// <param name="documents">The corpus now: a cell's level links to its document's file.</param>
    public static TableState? Load(string path, IReadOnlyList<CorpusDocument> documents)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var files = documents.ToDictionary(d => d.Source, d => d.FilePath, StringComparer.Ordinal);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic)
            {
                return null;
            }

            var (fingerprint, place) = (reader.ReadString(), reader.ReadString());
            var count = reader.ReadInt32();
            if (count < 0 || count > stream.Length)
            {
                return null;
            }

            var districts = new List<DistrictState>(count);
            var strings = new StringTable.Reader(reader);
            for (var i = 0; i < count; i++)
            {
                var (source, stamp, read) = (reader.ReadString(), reader.ReadString(), reader.ReadBoolean());
                var file = files.GetValueOrDefault(source) ?? string.Empty;
                districts.Add(new DistrictState(source, stamp, read, ReadRows(reader, strings, file), ReadRows(reader, strings, file)));
            }

            return reader.ReadString() == Magic && stream.Position == stream.Length ? new TableState(fingerprint, place, districts) : null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or DecoderFallbackException or OverflowException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void WriteRows(BinaryWriter writer, StringTable.Writer strings, DistrictRows? rows)
    {
        writer.Write(rows is not null);
        if (rows is null)
        {
            return;
        }

        writer.Write(rows.DomainNames.Count);
        foreach (var name in rows.DomainNames)
        {
            strings.Write(name);
        }

        writer.Write(rows.Cells.Count);
        foreach (var cell in rows.Cells)
        {
            strings.Write(cell.Key);
            strings.Write(cell.Label);
            writer.Write(cell.InCatalog);
            writer.Write(cell.Domains.Count);
            foreach (var (domain, n) in cell.Domains)
            {
                strings.Write(domain);
                writer.Write(n);
            }

            writer.Write(cell.FirstLevel is not null);
            if (cell.FirstLevel is { } level)
            {
                var t = level.Target;
                strings.Write(level.Text);
                strings.Write(level.Source);
                writer.Write(level.Line ?? -1);
                writer.Write(level.Page ?? -1);
                strings.Write(t.Comparator);
                strings.Write(t.Value);
                strings.Write(t.Unit);
            }
        }
    }

    private static DistrictRows? ReadRows(BinaryReader reader, StringTable.Reader strings, string filePath)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

        var names = new string[Count(reader)];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = strings.Text();
        }

        var cells = new KeyCell[Count(reader)];
        for (var i = 0; i < cells.Length; i++)
        {
            var (key, label, inCatalog) = (strings.Text(), strings.Text(), reader.ReadBoolean());
            var domains = new List<(string, int)>(Count(reader));
            for (var d = domains.Capacity; d > 0; d--)
            {
                domains.Add((strings.Text(), reader.ReadInt32()));
            }

            CellValue? level = null;
            if (reader.ReadBoolean())
            {
                var (text, at) = (strings.Text(), strings.Text());
                var (line, page) = (Number(reader.ReadInt32()), Number(reader.ReadInt32()));
                var (comparator, value, unit) = (strings.Text(), strings.Read(), strings.Read());
                // Only what the summary reads of the first level: its place, text, comparator, value and unit.
                var target = new Target { Plan = string.Empty, Section = string.Empty, Indicator = label, Comparator = comparator, Value = value, Unit = unit, Text = text, Source = at, Line = line, Page = page };
                level = new CellValue(text, at, filePath, line, page, null, null, [target]);
            }

            cells[i] = new KeyCell(key, label, inCatalog, domains, level);
        }

        return new DistrictRows(names, cells);
    }

    private static int Count(BinaryReader reader) => reader.ReadInt32() is var n and >= 0 and < (1 << 24) ? n : throw new FormatException("bad count");

    private static int? Number(int stored) => stored >= 0 ? stored : null;

    /// <summary>
    /// Strings written once and then by number: row keys, names, domains and levels repeat across
    /// thousands of districts, so the state is several times smaller and read without a string per cell.
    /// </summary>
    private static class StringTable
    {
        public sealed class Writer(BinaryWriter writer)
        {
            private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

            public void Write(string? text)
            {
                if (text is null)
                {
                    writer.Write7BitEncodedInt(0);
                }
                else if (_numbers.TryGetValue(text, out var number))
                {
                    writer.Write7BitEncodedInt(number + 2);
                }
                else
                {
                    _numbers.Add(text, _numbers.Count);
                    writer.Write7BitEncodedInt(1);
                    writer.Write(text);
                }
            }
        }

        public sealed class Reader(BinaryReader reader)
        {
            private readonly List<string> _strings = [];

            public string? Read() => reader.Read7BitEncodedInt() switch
            {
                0 => null,
                1 => Add(reader.ReadString()),
                var n => _strings[n - 2],
            };

            /// <summary>A string that must be there; a missing one is a damaged state.</summary>
            public string Text() => Read() ?? throw new FormatException("a string is missing");

            private string Add(string text)
            {
                _strings.Add(text);
                return text;
            }
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
