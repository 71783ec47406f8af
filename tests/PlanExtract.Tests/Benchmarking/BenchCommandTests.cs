using System.CommandLine;
using System.Reflection;
using System.Text.Json;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Benchmarking;

public sealed class BenchCommandTests
{
    private static readonly string[] RequiredKeys =
    [
        "documents", "bytes", "build_seconds", "peak_memory_mb", "add_seconds", "remove_seconds", "search_p50_ms", "search_p95_ms", "scan_ms", "table_seconds",
        "read_baseline_seconds", "add_baseline_seconds", "table_baseline_seconds", "build_mb_per_s", "scan_to_search_p95_ratio",
        "search_settled_p50_ms", "search_settled_p95_ms", "scan_to_search_settled_p95_ratio",
    ];

    [Fact]
    public void Bench_on_eight_documents_prints_one_json_object_with_the_figures()
    {
        using var temp = new TempFolder();
        var work = Path.Combine(temp.Path, "work");
        var (code, stdout, stderr) = Run("bench", "--documents", "8", "--format", "json", "--work", work, "--corpus", RepoPaths.Corpus);

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        foreach (var key in RequiredKeys)
        {
            Assert.True(root.TryGetProperty(key, out var value), key);
            Assert.Equal(JsonValueKind.Number, value.ValueKind);
        }

        Assert.Equal(8, root.GetProperty("documents").GetInt32());
        Assert.Equal(1, root.GetProperty("add_reread_documents").GetInt32());
        Assert.Equal(0, root.GetProperty("remove_reread_documents").GetInt32());
        Assert.True(root.GetProperty("bytes").GetInt64() > 0);
        Assert.True(File.Exists(Path.Combine(work, "output", "tables", "women.md")));
    }

    [Fact]
    public void Bench_refuses_a_document_count_below_one()
    {
        var (code, _, stderr) = Run("bench", "--documents", "0");
        Assert.Equal(1, code);
        Assert.StartsWith("error: --documents", stderr);
    }

    /// <summary>
    /// Through the command line when <c>bench</c> is registered; until then the command itself, built
    /// the same way (it is internal to the CLI assembly, hence reflection).
    /// </summary>
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var registered = CliRunner.Run("bench", "--help");
        if (registered.Code == 0)
        {
            return CliRunner.Run(args);
        }

        var type = typeof(PlanExtract.Cli.Cli).Assembly.GetType("PlanExtract.Cli.BenchCommand", throwOnError: true)!;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var command = (Command)type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [stdout, stderr])!;
        var root = new RootCommand { command };
        try
        {
            var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            return (code, stdout.ToString(), stderr.ToString());
        }
        catch (PlanExtractException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return (1, stdout.ToString(), stderr.ToString());
        }
    }
}
