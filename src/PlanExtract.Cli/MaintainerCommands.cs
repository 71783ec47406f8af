using System.CommandLine;
using PlanExtract.Corpus;
using PlanExtract.Reporting;

namespace PlanExtract.Cli;

/// <summary><c>add</c> and <c>check</c>: growing the corpus and knowing whether it can be trusted.</summary>
internal static class MaintainerCommands
{
    public static Command Add(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "The district's plan document: .txt, .md, .docx or .pdf." };
        var district = new Option<string?>("--district") { Description = "The district (区/县/县级市) name, e.g. 清城区; read from the plan title when omitted." };
        var city = new Option<string?>("--city") { Description = "The city name, e.g. 清远市; read from the plan title when omitted." };
        var province = new Option<string?>("--province") { Description = "The province, e.g. 广东省; taken from a corpus document of the same city when omitted." };
        var corpus = new Option<string>("--corpus") { Description = "The corpus folder.", DefaultValueFactory = _ => CliOptions.Corpus(null) };
        var command = new Command("add", "Add a district plan to the corpus: read it, validate it, file it with its metadata and print what was found.")
        {
            file, district, city, province, corpus,
        };
        command.SetAction(parse =>
        {
            var layout = new CorpusLayout(parse.GetValue(corpus)!);
            var adder = new CorpusAdder(Pipeline.ForCorpus(layout.Root), layout);
            var result = adder.Add(new AddRequest(parse.GetValue(file)!, parse.GetValue(district), parse.GetValue(city), parse.GetValue(province)));
            ValidationText.Write(stdout, result.Report, result.Facts);
            if (!result.Usable)
            {
                foreach (var reason in result.Reasons)
                {
                    stderr.WriteLine($"error: {parse.GetValue(file)}: {Cli.Words(reason)}");
                }

                stderr.WriteLine("nothing was written to the corpus");
                return Cli.BadInput;
            }

            stdout.WriteLine($"added {result.Added!.Metadata.DisplayName} as {result.Added.Source}; run 'planextract build' to refresh output/");
            return Cli.Ok;
        });
        return command;
    }

    public static Command Check(TextWriter stdout, TextWriter stderr)
    {
        var corpus = new Option<string>("--corpus") { Description = "The corpus folder.", DefaultValueFactory = _ => CliOptions.Corpus(null) };
        var command = new Command("check", "Validate the whole corpus: per-document counts, warnings and errors.") { corpus };
        command.SetAction(parse =>
        {
            var layout = new CorpusLayout(parse.GetValue(corpus)!);
            var summary = Progress.Run(stderr, "Checking", progress => CorpusCheck.Run(layout, progress));
            foreach (var (result, report) in summary.Documents)
            {
                if (report is null)
                {
                    stdout.WriteLine($"{result.Document.Metadata.DisplayName}  {result.Document.Source}");
                    stdout.WriteLine($"  error: {result.Error}");
                    continue;
                }

                ValidationText.Write(stdout, report);
                stdout.WriteLine();
            }

            stdout.WriteLine($"{summary.Documents.Count} documents, {summary.Targets} targets, {summary.Errors} errors, {summary.Warnings} warnings");
            return summary.Errors > 0 ? Cli.BadInput : Cli.Ok;
        });
        return command;
    }
}
