using System.CommandLine;
using System.Text;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Reporting;

namespace PlanExtract.Cli;

internal static class Commands
{
    public static IEnumerable<Command> All(TextWriter stdout, TextWriter stderr) =>
    [
        Build(stdout, stderr),
        Extract(stdout),
        SearchCommand.Create(stdout, stderr),
        MaintainerCommands.Add(stdout, stderr),
        MaintainerCommands.Check(stdout, stderr),
        MaintainerCommands.Remove(stdout, stderr),
        TableCommand.Create(stdout, stderr),
        BenchCommand.Create(stdout, stderr),
        ExplainCommand.Create(stdout),
        WebCommands.Serve(stdout, stderr),
        WebCommands.Publish(stdout, stderr),
    ];

    private static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var corpus = CliOptions.CorpusOption();
        var output = new Option<string>("--out") { Description = "Where to write targets.jsonl, tables/ and index/.", DefaultValueFactory = _ => CliOptions.Output(null) };
        var full = new Option<bool>("--full") { Description = "Re-read every document, even those unchanged since the last build." };
        var limits = LimitsOption.Create();
        var command = new Command("build", "Read every corpus document; write OUT/targets.jsonl, OUT/tables/*.md and the search index OUT/index/.")
        {
            corpus, output, full, limits,
        };
        command.SetAction(parse =>
        {
            var layout = new CorpusLayout(parse.GetValue(corpus)!);
            var outFolder = parse.GetValue(output)!;

            // Streams documents into targets.jsonl and the index, then writes the tables; unchanged documents are not re-read.
            var summary = Progress.Run(stderr, "Reading", progress => CorpusBuild.Run(layout, outFolder, new BuildOptions(Full: parse.GetValue(full), Limits: LimitsOption.Read(parse, limits)), progress), layout);
            var failed = 0;
            foreach (var document in summary.Documents)
            {
                if (document.Error is not null)
                {
                    failed++;
                    TerminalText.Error(stderr, MaintainerCommands.RealPaths(document.Error, document.Document, layout));
                    continue;
                }

                stdout.WriteLine($"{TerminalText.Escape(document.Document.Metadata.DisplayName)}\t{document.Plans} plans\t{document.Targets} targets\t{TerminalText.Escape(layout.DisplayPath(document.Document.FilePath))}{(document.Reread ? string.Empty : "\t(unchanged)")}");
            }

            // Nothing under the corpus is skipped in silence: a stray file, a plan without meta.json, a link.
            foreach (var finding in summary.Findings)
            {
                TerminalText.Error(stderr, CorpusFindingText.Line(finding, layout.Given));
            }

            var written = new OutputLayout(outFolder);
            var skipped = summary.Findings.Count == 0 ? string.Empty : $", {summary.Findings.Count} files not part of the corpus";
            stdout.WriteLine($"{summary.Documents.Count - failed} documents read, {failed} failed{skipped}; wrote {written.Targets}, {written.Tables}, {written.Index}");
            return failed > 0 || summary.Findings.Count > 0 ? Cli.BadInput : Cli.Ok;
        });
        return command;
    }

    private static Command Extract(TextWriter stdout)
    {
        var file = new Argument<string>("FILE") { Description = "A plan document: .txt, .md, .docx or .pdf." };
        var format = new Option<string>("--format") { Description = "jsonl (one target per line), json (the whole tree) or md (a table).", DefaultValueFactory = _ => "jsonl" };
        format.OneOf([.. DocumentWriters.Formats]);
        var limits = LimitsOption.Create();
        var command = new Command("extract", "Read one document and print its targets.") { file, format, limits };
        command.SetAction(parse =>
        {
            var document = Pipeline.Default.WithLimits(LimitsOption.Read(parse, limits)).Read(parse.GetValue(file)!);
            using var stdoutStream = new MemoryStream();
            DocumentWriters.For(parse.GetValue(format)!).Write(document, stdoutStream);
            stdout.Write(Encoding.UTF8.GetString(stdoutStream.ToArray()));
            stdout.Flush();
            return Cli.Ok;
        });
        return command;
    }
}
