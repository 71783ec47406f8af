using System.CommandLine;
using PlanExtract.Benchmarking;

namespace PlanExtract.Cli;

/// <summary><c>planextract bench</c>: synthesizes a country-sized corpus and measures build, add, search and tables on it.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var documents = new Option<int>("--documents") { Description = "How many documents to synthesize (about 3,200 issuing governments in China).", DefaultValueFactory = _ => 3200 };
        var format = new Option<string>("--format") { Description = "text (a table) or json (one object).", DefaultValueFactory = _ => "text" };
        format.OneOf("text", "json");
        var work = new Option<string?>("--work") { Description = "Folder for the synthetic corpus and its output (emptied first, kept after); default a temporary folder, removed after." };
        var corpus = CliOptions.CorpusOption("The real corpus to synthesize from.");
        var noTables = new Option<bool>("--no-tables") { Description = "Skip timing the tables (for sizes where they dominate the run)." };
        var command = new Command("bench", "Synthesize N documents from the corpus and measure build, peak memory, add, search and tables against their baselines.")
        {
            documents, format, work, corpus, noTables,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(documents);
            if (count < 1)
            {
                throw new PlanExtractException($"--documents must be at least 1, not {count}");
            }

            var given = parse.GetValue(work);
            var folder = Path.GetFullPath(given ?? Path.Combine(Path.GetTempPath(), "planextract-bench-" + Guid.NewGuid().ToString("N")[..8]));
            try
            {
                var options = new BenchOptions(count, parse.GetValue(corpus)!, folder) { Tables = !parse.GetValue(noTables) };
                var figures = new BenchRunner(options, stderr).Run();
                stdout.Write(parse.GetValue(format) == "json" ? figures.ToJson() : figures.ToText());
                stdout.Flush();
                return Cli.Ok;
            }
            finally
            {
                if (given is null && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        });
        return command;
    }
}
