using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PlanExtract.Benchmarking;

/// <summary>What one bench run measured; every figure sits beside the baseline it is judged against.</summary>
public sealed record BenchFigures
{
    public required int Documents { get; init; }
    public required long Bytes { get; init; }
    public required int Targets { get; init; }
    public required int ProcessorCount { get; init; }

    /// <summary>The 1-minute load average when the run ended (Linux): other work on the machine skews every figure.</summary>
    public required double LoadAverage { get; init; }
    public required double SynthesisSeconds { get; init; }

    /// <summary>Full build: read, segment, extract, targets.jsonl, index, tables.</summary>
    public required double BuildSeconds { get; init; }

    /// <summary>Baseline: reading and decoding the same bytes, one thread.</summary>
    public required double ReadBaselineSeconds { get; init; }

    /// <summary>Reading, segmenting and extracting on every core with nothing written: the part of the build the index and files do not cost.</summary>
    public required double ExtractSeconds { get; init; }
    public required double PeakMemoryMB { get; init; }
    public required double PeakManagedMB { get; init; }

    /// <summary>The process working set (what <c>top</c> shows, mapped index files included) at its highest during the build, sampled every 50 ms.</summary>
    public required double BuildPeakMemoryMB { get; init; }

    /// <summary>The highest working set of each phase (synthesis+read, extract, build, tables, add, search), MB; empty where not measurable.</summary>
    public IReadOnlyDictionary<string, double> PhasePeakMemoryMB { get; init; } = new Dictionary<string, double>();

    /// <summary>The index folder's size after the build.</summary>
    public required double IndexMB { get; init; }

    /// <summary><c>add</c> of one new document, then the incremental build of index and targets.jsonl.</summary>
    public required double AddSeconds { get; init; }

    /// <summary>The same with the tables: one build as <c>add</c> runs it, the tables updated from the kept state.</summary>
    public required double AddWithTablesSeconds { get; init; }

    /// <summary><c>remove</c> of that document, then its build with the tables.</summary>
    public required double RemoveWithTablesSeconds { get; init; }

    /// <summary>Parts of the tables the add made again (null when it made them whole).</summary>
    public int? TablePartsUpdated { get; init; }

    /// <summary>Documents the incremental build re-read (1 when only the added one was).</summary>
    public required int AddReread { get; init; }

    /// <summary>Baseline: reading and decoding the added document.</summary>
    public required double AddBaselineSeconds { get; init; }

    /// <summary><c>remove</c> of the added document, then the incremental build of index and targets.jsonl (no tables).</summary>
    public required double RemoveSeconds { get; init; }

    /// <summary>Documents the removal's build re-read (0 when none was).</summary>
    public required int RemoveReread { get; init; }
    public required int Queries { get; init; }
    public required double SearchP50Ms { get; init; }
    public required double SearchP95Ms { get; init; }

    /// <summary>The same queries on the same searcher after 20 more rounds: the runtime's tiers settled (<see cref="BenchRunner"/>).</summary>
    public double SettledSearchP50Ms { get; init; } = double.NaN;

    /// <inheritdoc cref="SettledSearchP50Ms"/>
    public double SettledSearchP95Ms { get; init; } = double.NaN;

    /// <summary>Baseline: one ordinal <see cref="string.IndexOf(string, StringComparison)"/> scan of all the decoded text, per query.</summary>
    public required double ScanMs { get; init; }

    /// <summary>Reading the build's records back before the tables (a build with tables does it while its index commits).</summary>
    public double RecordsReadSeconds { get; init; } = double.NaN;

    public required double TableSeconds { get; init; }

    /// <summary>Which code wrote the tables (the library's writer, or the bench's stand-in when it is absent).</summary>
    public required string TableWriter { get; init; }

    /// <summary>Baseline: reading and decoding targets.jsonl, the records the tables come from.</summary>
    public required double TableBaselineSeconds { get; init; }

    public double BuildMBPerSecond => Bytes / 1e6 / BuildSeconds;

    public double ReadBaselineMBPerSecond => Bytes / 1e6 / ReadBaselineSeconds;

    public double ScanToSearchP95 => ScanMs / SearchP95Ms;

    public double ScanToSettledSearchP95 => ScanMs / SettledSearchP95Ms;

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("documents", Documents);
            w.WriteNumber("bytes", Bytes);
            w.WriteNumber("targets", Targets);
            w.WriteNumber("processors", ProcessorCount);
            Number(w, "load_average", LoadAverage);
            Number(w, "synthesis_seconds", SynthesisSeconds);
            Number(w, "build_seconds", BuildSeconds);
            Number(w, "build_mb_per_s", BuildMBPerSecond);
            Number(w, "read_baseline_seconds", ReadBaselineSeconds);
            Number(w, "read_baseline_mb_per_s", ReadBaselineMBPerSecond);
            Number(w, "extract_seconds", ExtractSeconds);
            Number(w, "build_to_read_ratio", BuildSeconds / ReadBaselineSeconds);
            Number(w, "peak_memory_mb", PeakMemoryMB);
            Number(w, "peak_managed_mb", PeakManagedMB);
            Number(w, "build_peak_memory_mb", BuildPeakMemoryMB);
            w.WriteStartObject("phase_peak_memory_mb");
            foreach (var (phase, mb) in PhasePeakMemoryMB)
            {
                Number(w, phase, mb);
            }

            w.WriteEndObject();
            Number(w, "index_mb", IndexMB);
            Number(w, "index_mb_per_text_mb", IndexMB / (Bytes / 1e6));
            Number(w, "add_seconds", AddSeconds);
            Number(w, "add_with_tables_seconds", AddWithTablesSeconds);
            Number(w, "remove_with_tables_seconds", RemoveWithTablesSeconds);
            if (TablePartsUpdated is { } parts)
            {
                w.WriteNumber("add_table_parts_updated", parts);
            }

            w.WriteNumber("add_reread_documents", AddReread);
            Number(w, "add_baseline_seconds", AddBaselineSeconds);
            Number(w, "add_to_baseline_ratio", AddSeconds / AddBaselineSeconds);
            Number(w, "remove_seconds", RemoveSeconds);
            w.WriteNumber("remove_reread_documents", RemoveReread);
            w.WriteNumber("queries", Queries);
            Number(w, "search_p50_ms", SearchP50Ms);
            Number(w, "search_p95_ms", SearchP95Ms);
            Number(w, "scan_ms", ScanMs);
            Number(w, "scan_to_search_p95_ratio", ScanToSearchP95);
            Number(w, "search_settled_p50_ms", SettledSearchP50Ms);
            Number(w, "search_settled_p95_ms", SettledSearchP95Ms);
            Number(w, "scan_to_search_settled_p95_ratio", ScanToSettledSearchP95);
            Number(w, "table_seconds", TableSeconds);
            Number(w, "records_read_seconds", RecordsReadSeconds);
            w.WriteString("table_writer", TableWriter);
            Number(w, "table_baseline_seconds", TableBaselineSeconds);
            Number(w, "table_to_baseline_ratio", TableSeconds / TableBaselineSeconds);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public string ToText()
    {
        var text = new StringBuilder();
        void Row(string what, string value, string baseline, string target) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"{what,-26} {value,-22} {baseline,-40} {target}");

        text.AppendLine(CultureInfo.InvariantCulture, $"{Documents} documents, {Bytes / 1e6:F1} MB, {Targets} targets, {ProcessorCount} cores, load average {LoadAverage:F1} (synthesis {SynthesisSeconds:F1} s)");
        Row("measure", "value", "baseline (same run)", "target");
        Row("full build", $"{BuildSeconds:F1} s ({BuildMBPerSecond:F1} MB/s)", $"read+decode {ReadBaselineSeconds:F2} s ({ReadBaselineMBPerSecond:F0} MB/s)", "≤ 60 s at 3200");
        Row("  read+extract only", $"{ExtractSeconds:F1} s", "all cores, nothing written", string.Empty);
        Row("peak memory", $"{PeakMemoryMB:F0} MB", $"managed heap peak {PeakManagedMB:F0} MB", "≤ 1024 MB");
        Row("  during the build", $"{BuildPeakMemoryMB:F0} MB", $"index {IndexMB:F0} MB ({IndexMB / (Bytes / 1e6):F2} MB per MB of text)", string.Empty);
        if (PhasePeakMemoryMB.Count > 0)
        {
            Row("  by phase", string.Join(", ", PhasePeakMemoryMB.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F0}"))) + " MB", string.Empty, string.Empty);
        }
        Row("add one document", $"{AddSeconds:F2} s", $"read+decode {AddBaselineSeconds * 1000:F1} ms; {AddReread} re-read", "≤ 2 s");
        Row("  with tables", $"{AddWithTablesSeconds:F2} s", string.Empty, string.Empty);
        Row("remove it again", $"{RemoveSeconds:F2} s", $"{RemoveReread} re-read", "≤ 2 s");
        Row("  with tables", $"{RemoveWithTablesSeconds:F2} s", string.Empty, string.Empty);
        Row("search p50 / p95", $"{SearchP50Ms:F2} / {SearchP95Ms:F2} ms", $"scan {ScanMs:F1} ms/query ({ScanToSearchP95:F0}× p95)", "p95 ≤ 20 ms, ≥ 20×");
        Row("  settled (20 rounds on)", $"{SettledSearchP50Ms:F2} / {SettledSearchP95Ms:F2} ms", $"({ScanToSettledSearchP95:F1}× p95)", string.Empty);
        Row("tables", $"{TableSeconds:F2} s", $"read+decode records {TableBaselineSeconds:F2} s", "≤ 5 s");
        text.AppendLine(CultureInfo.InvariantCulture, $"tables written by {TableWriter}; {Queries} queries");
        return text.ToString();
    }

    // A phase that did not run (tables with --no-tables) is null, not a misleading 0.
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, Math.Round(value, 4));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
