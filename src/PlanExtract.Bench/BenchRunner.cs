using System.Diagnostics;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Indexing;
using PlanExtract.Reading;

namespace PlanExtract.Benchmarking;

/// <param name="Documents">How many documents to synthesize.</param>
/// <param name="SourceCorpus">The real corpus the documents are made from.</param>
/// <param name="WorkFolder">Where the synthetic corpus and its output go; outside the repository.</param>
public sealed record BenchOptions(int Documents, string SourceCorpus, string WorkFolder)
{
    /// <summary>Timed rounds over the query set (after one warm-up round).</summary>
    public int SearchRounds { get; init; } = 5;

    /// <summary>
    /// Whether to time the tables. Off lets the other phases be measured at sizes where the tables
    /// writer alone would take far longer than everything else.
    /// </summary>
    public bool Tables { get; init; } = true;
}

/// <summary>
/// One bench run: synthesize, then measure build, add, search and tables, each beside its
/// baseline, in this process. Phases run one after another so each has the machine to itself.
/// </summary>
public sealed class BenchRunner(BenchOptions options, TextWriter log)
{
    public BenchFigures Run()
    {
        var corpusRoot = Path.Combine(options.WorkFolder, "corpus");
        var output = Path.Combine(options.WorkFolder, "output");
        if (Directory.Exists(options.WorkFolder))
        {
            Directory.Delete(options.WorkFolder, recursive: true);
        }

        // Synthesis: N documents in the corpus and one more, loose, to add later.
        var clock = Stopwatch.StartNew();
        var synthesizer = new CorpusSynthesizer(new CorpusLayout(options.SourceCorpus));
        var documents = synthesizer.WriteCorpus(corpusRoot, options.Documents);
        var extraPath = Path.Combine(options.WorkFolder, "incoming", "plans.txt");
        var extra = synthesizer.WriteLoose(extraPath, options.Documents);
        var synthesis = clock.Elapsed.TotalSeconds;
        var bytes = documents.Sum(d => d.Bytes);
        log.WriteLine($"synthesized {documents.Count} documents, {bytes / 1e6:F1} MB in {synthesis:F1} s");

        var readBaseline = Time(() => ReadAndDecode(documents.Select(d => d.FilePath)));
        log.WriteLine($"read+decode baseline {readBaseline:F2} s");

        var layout = new CorpusLayout(corpusRoot);
        var pipeline = Pipeline.ForCorpus(corpusRoot);
        var reader = new CorpusReader(pipeline);

        // What bounds the build: reading and extraction alone on every core, nothing written.
        // The first reset would forget what synthesis and the read baseline reached: record them first.
        var phases = new PhasePeaks();
        phases.Record("synthesis+read");
        var extractOnly = phases.Measure("extract", () => Time(() => reader.ReadStream(layout.Documents()).LongCount()));
        log.WriteLine($"read+extract only (all cores, nothing written) {extractOnly:F1} s");
        CollectGarbage();
        BuildSummary summary;
        double buildOnly;
        double managedPeak;
        double buildPeak;
        using (var sampler = new MemorySampler())
        {
            clock.Restart();
            summary = phases.Measure("build", () => CorpusBuild.Run(layout, output, new BuildOptions(Full: true, Tables: false)));
            buildOnly = clock.Elapsed.TotalSeconds;
            managedPeak = sampler.PeakManagedMB;
            buildPeak = sampler.PeakWorkingSetMB;
        }

        // The live generation's Lucene files, not the records and staging files beside them.
        var index = new OutputLayout(output).Index;
        var indexMB = new DirectoryInfo(Path.Combine(index, CorpusIndex.LiveGeneration(index) ?? string.Empty)).EnumerateFiles().Sum(f => f.Length) / 1e6;

        log.WriteLine($"build {buildOnly:F1} s; {summary.Failed} failed");
        var (recordsRead, tables) = options.Tables ? phases.Measure("tables", () => TableTiming.Write(output, summary.Records)) : (double.NaN, double.NaN);
        log.WriteLine($"tables {tables:F2} s (records read first {recordsRead:F2} s)");
        var tableBaseline = Time(() => ReadAndDecode([new OutputLayout(output).Targets]));
        var targets = summary.Documents.Sum(d => d.Targets);

        // The tables' records and the baseline's text are garbage by now; uncollected, they were most
        // of the add's working set (1.2 GB at 3,200 documents, against 140 MB for `add` and `build`
        // in processes of their own), since the collector had no reason to run yet.
        CollectGarbage();
        phases.Reset();
        clock.Restart();
        var (added, incremental) = Add(layout, pipeline, extraPath, extra, output, new BuildOptions(Tables: false));
        var add = clock.Elapsed.TotalSeconds;
        phases.Record("add");

        var addBaseline = Time(() => ReadAndDecode([extraPath]));
        log.WriteLine($"add {add:F2} s, re-read {incremental.Reread}");

        // Collected first, as before the build: the add's garbage (a build's worth of trees and
        // Lucene buffers) was otherwise collected inside the timed searches, which a searcher in a
        // process of its own (the CLI, the web view) never pays.
        CollectGarbage();
        var (search, settled) = phases.Measure("search", () => SearchLatency(new OutputLayout(output).Index));
        log.WriteLine($"search p50 {search.P50:F2} ms p95 {search.P95:F2} ms; settled p50 {settled.P50:F2} ms p95 {settled.P95:F2} ms");

        // Read before the scan: the scan holds all the text in memory, which the build never does.
        var peak = Math.Max(Process.GetCurrentProcess().PeakWorkingSet64 / 1e6, phases.Highest);
        var scan = SearchTiming.ScanPerQuery(documents.Select(d => d.FilePath).Append(extraPath));
        log.WriteLine($"scan {scan:F1} ms per query");

        // Then, so search and scan see the corpus the add left: the added document goes out again.
        clock.Restart();
        CorpusRemoval.Remove(added, layout);
        var removed = CorpusBuild.Run(layout, output, new BuildOptions(Tables: false));
        var remove = clock.Elapsed.TotalSeconds;
        log.WriteLine($"remove {remove:F2} s, re-read {removed.Reread}");

        var (addWithTables, removeWithTables, partsUpdated) = (double.NaN, double.NaN, (int?)null);
        if (options.Tables)
        {
            // What add and remove run: a build with tables, updated from the state the last build
            // kept. The builds above wrote no tables, so one build with tables first (not timed)
            // keeps that state, as the last add or build of a corpus would have.
            CorpusBuild.Run(layout, output);
            clock.Restart();
            var withTables = Add(layout, pipeline, extraPath, extra, output, new BuildOptions());
            addWithTables = clock.Elapsed.TotalSeconds;
            partsUpdated = withTables.Build.TablePartsUpdated;
            clock.Restart();
            CorpusRemoval.Remove(withTables.Added, layout);
            CorpusBuild.Run(layout, output);
            removeWithTables = clock.Elapsed.TotalSeconds;
            log.WriteLine($"add with tables {addWithTables:F2} s, remove with tables {removeWithTables:F2} s ({partsUpdated?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"} parts made again)");
        }

        return new BenchFigures
        {
            Documents = documents.Count,
            Bytes = bytes,
            Targets = targets,
            ProcessorCount = Environment.ProcessorCount,
            LoadAverage = LoadAverage(),
            SynthesisSeconds = synthesis,
            BuildSeconds = buildOnly + (options.Tables ? tables : 0),
            ReadBaselineSeconds = readBaseline,
            ExtractSeconds = extractOnly,
            PeakMemoryMB = peak,
            PeakManagedMB = managedPeak,
            BuildPeakMemoryMB = buildPeak,
            PhasePeakMemoryMB = phases.Peaks,
            IndexMB = indexMB,
            AddSeconds = add,
            AddWithTablesSeconds = addWithTables,
            RemoveWithTablesSeconds = removeWithTables,
            TablePartsUpdated = partsUpdated,
            AddReread = incremental.Reread,
            AddBaselineSeconds = addBaseline,
            RemoveSeconds = remove,
            RemoveReread = removed.Reread,
            Queries = SearchTiming.QuerySet.Count,
            SearchP50Ms = search.P50,
            SearchP95Ms = search.P95,
            SettledSearchP50Ms = settled.P50,
            SettledSearchP95Ms = settled.P95,
            ScanMs = scan,
            TableSeconds = tables,
            RecordsReadSeconds = recordsRead,
            TableWriter = options.Tables ? TableTiming.Writer : "skipped (--no-tables)",
            TableBaselineSeconds = tableBaseline,
        };
    }

    // The loose document into the corpus, then a build from the adder's listing: what `planextract add --refresh` runs.
    private static (CorpusDocument Added, BuildSummary Build) Add(CorpusLayout layout, Pipeline pipeline, string extraPath, SyntheticDocument extra, string output, BuildOptions build)
    {
        var added = new CorpusAdder(pipeline, layout).Add(new AddRequest(extraPath, extra.Place.District, extra.Place.City, extra.Place.Province));
        if (!added.Usable)
        {
            throw new PlanExtractException($"{extraPath}: the bench's added document was refused: {string.Join("; ", added.Reasons)}");
        }

        return (added.Added!, CorpusBuild.Run(layout, output, build, listed: added.Corpus));
    }

    // Each phase starts from the heap a command in a process of its own starts from: the last
    // phase's garbage collected and its memory given back. An ordinary full collection gives the
    // freed regions back over the next second or so, which the phase's peak then counted (the add's
    // was 0.7-1.0 GB at 3,200 documents); the aggressive mode gives them back at once.
    private static void CollectGarbage()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    /// <summary>
    /// The query set timed as the bench always has (one warm-up round), then again after
    /// <see cref="SettlingRounds"/> more rounds on the same searcher. The first series falls in the
    /// runtime's instrumented tier (dynamic PGO): a new process's first rounds of a code path run
    /// code that counts its branches before it is compiled for good. The second is what a searcher
    /// that keeps running (the web view, which warms itself up) answers with.
    /// </summary>
    private (Latency First, Latency Settled) SearchLatency(string indexFolder)
    {
        using var searcher = CorpusSearcher.Open(indexFolder);
        SearchRequest[] queries = [.. SearchTiming.QuerySet.Select(q => new SearchRequest(q))];
        var first = SearchTiming.Time(searcher, queries, warmups: 1, options.SearchRounds);
        return (first, SearchTiming.Time(searcher, queries, warmups: SettlingRounds, options.SearchRounds));
    }

    /// <summary>Rounds run between the two series: the default of bench/PlanExtract.Search.Bench's second series too.</summary>
    internal const int SettlingRounds = 20;

    private static double LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }

    private static long ReadAndDecode(IEnumerable<string> files)
    {
        var chars = 0L;
        foreach (var file in files)
        {
            chars += TextDecoder.Decode(file, File.ReadAllBytes(file)).Length;
        }

        return chars;
    }

    private static double Time(Func<long> work)
    {
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(work());
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The process's highest working set in each phase (Linux: the kernel's high-water mark, reset
    /// before the phase through /proc/self/clear_refs), so the whole run's peak can be traced to the
    /// phase that made it. Empty where the mark cannot be reset.
    /// </summary>
    private sealed class PhasePeaks
    {
        private readonly Dictionary<string, double> _peaks = [];
        private bool _unavailable = !OperatingSystem.IsLinux();

        public IReadOnlyDictionary<string, double> Peaks => _peaks;

        /// <summary>The highest of the phases, 0 when none was measured.</summary>
        public double Highest => _peaks.Count == 0 ? 0 : _peaks.Values.Max();

        public T Measure<T>(string phase, Func<T> run)
        {
            Reset();
            var result = run();
            Record(phase);
            return result;
        }

        public void Reset()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                _unavailable = true;
            }
        }

        public void Record(string phase)
        {
            if (!_unavailable)
            {
                _peaks[phase] = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
            }
        }
    }

    /// <summary>Samples the managed heap and the process working set while a phase runs.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peakManaged;
        private long _peakWorkingSet;

        public MemorySampler() => _timer = new Timer(_ => Sample(), null, 0, 50);

        public double PeakManagedMB
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peakManaged) / 1e6;
            }
        }

        public double PeakWorkingSetMB
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peakWorkingSet) / 1e6;
            }
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            Raise(ref _peakManaged, GC.GetTotalMemory(forceFullCollection: false));
            Raise(ref _peakWorkingSet, Environment.WorkingSet);
        }

        private static void Raise(ref long peak, long now)
        {
            long seen;
            while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
            {
            }
        }
    }
}
