using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using PlanExtract.Reading;

namespace PlanExtract.Benchmarks;

/// <summary>PdfPig through <see cref="PdfReader"/>, with pdftotext (poppler) as the baseline where it is installed.</summary>
[MemoryDiagnoser]
public class PdfReaderBenchmarks
{
    private byte[] _bytes = [];

    [ParamsSource(nameof(Names))]
    public string Fixture { get; set; } = string.Empty;

    public static IEnumerable<string> Names => Fixtures.Pdfs;

    [GlobalSetup]
    public void Setup() => _bytes = File.ReadAllBytes(Fixtures.Path(Fixture));

    [Benchmark]
    public int PdfPig() => PdfReader.ReadBytes(Fixture, _bytes).Count;

    [Benchmark(Baseline = true)]
    public int Pdftotext()
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", Fixtures.Path(Fixture), "-"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var length = process.StandardOutput.ReadToEnd().Length;
        process.WaitForExit();
        return length;
    }
}

[MemoryDiagnoser]
public class DocxReaderBenchmarks
{
    private byte[] _bytes = [];

    [ParamsSource(nameof(Names))]
    public string Fixture { get; set; } = string.Empty;

    public static IEnumerable<string> Names => Fixtures.Docxs;

    [GlobalSetup]
    public void Setup() => _bytes = File.ReadAllBytes(Fixtures.Path(Fixture));

    [Benchmark]
    public int OpenXml() => DocxReader.ReadBytes(Fixture, _bytes).Count;
}
