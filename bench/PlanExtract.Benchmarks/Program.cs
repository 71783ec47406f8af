using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using PlanExtract.Benchmarks;

// Short runs: the fixtures take tenths of a second each, and the point is pages per second
// and the ratio to poppler, not the last percent.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun)
    .AddColumn(new ThroughputColumn());

if (!OnPath("pdftotext"))
{
    Console.WriteLine("pdftotext is not on PATH: PdfPig is timed alone, without the ratio to poppler.");
    config = config.AddFilter(new NameFilter(name => !name.EndsWith(nameof(PdfReaderBenchmarks.Pdftotext), StringComparison.Ordinal)));
}

BenchmarkSwitcher.FromAssembly(typeof(PdfReaderBenchmarks).Assembly).Run(args, config);

static bool OnPath(string tool) =>
    (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, tool)) || File.Exists(Path.Combine(dir, tool + ".exe")));
