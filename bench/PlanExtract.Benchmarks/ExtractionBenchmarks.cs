using BenchmarkDotNet.Attributes;
using PlanExtract.Reading;

namespace PlanExtract.Benchmarks;

/// <summary>
/// Extraction throughput against its floor: the baseline reads and decodes the corpus's text
/// bytes; the measured case also segments it and runs the target grammar. MB/s = corpus bytes /
/// mean time (the corpus size is printed in the setup).
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private string[] _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = [.. Directory.EnumerateFiles(Fixtures.CorpusFolder(), "plans.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        Console.WriteLine($"// corpus: {_files.Length} documents, {_files.Sum(f => new FileInfo(f).Length)} bytes");
    }

    [Benchmark(Baseline = true)]
    public int ReadAndDecode() => _files.Sum(f => TextDecoder.Decode(f, File.ReadAllBytes(f)).Length);

    [Benchmark]
    public int ReadSegmentExtract() => _files.Sum(f => Pipeline.Default.Read(f).AllTargets().Count());
}
