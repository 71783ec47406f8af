using System.CommandLine;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Reporting;

namespace PlanExtract.Cli;

/// <summary><c>add</c>, <c>remove</c> and <c>check</c>: growing the corpus and knowing whether it can be trusted.</summary>
internal static class MaintainerCommands
{
    public static Command Add(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "The district's plan document: .txt, .md, .docx or .pdf." };
        var district = new Option<string?>("--district") { Description = "The district (区/县/县级市) name, e.g. 清城区; read from the plan title when omitted." };
        var city = new Option<string?>("--city") { Description = "The city, e.g. 清远市 (or 清远): settles a district name several cities share (鼓楼区)." };
        var province = new Option<string?>("--province") { Description = "The province, e.g. 广东省 (or 广东): settles a name several provinces share." };
        var replace = new Option<bool>("--replace") { Description = "Swap the document the district already has for this one, then refresh OUT." };
        // One process instead of add, then build: the build starts with the pipeline compiled and the
        // corpus's files cached, which at 3,200 districts was most of a build after an add.
        var refresh = new Option<bool>("--refresh") { Description = "Refresh OUT once the plan is added, as 'planextract build' would (remove and --replace always do)." };
        var corpus = CliOptions.CorpusOption();
        var output = OutOption();
        var limits = LimitsOption.Create();
        var command = new Command("add", "Add a district plan to the corpus: read it, place its issuer through the gazetteer, validate it, file it with its metadata and print what was found.")
        {
            file, district, city, province, replace, refresh, corpus, output, limits,
        };
        command.SetAction(parse =>
        {
            var layout = new CorpusLayout(parse.GetValue(corpus)!);
            var adder = new CorpusAdder(Pipeline.ForCorpus(layout.Root).WithLimits(LimitsOption.Read(parse, limits)), layout);
            var result = adder.Add(new AddRequest(parse.GetValue(file)!, parse.GetValue(district), parse.GetValue(city), parse.GetValue(province), parse.GetValue(replace)));
            ValidationText.Write(stdout, result.Report, result.Facts);
            if (!result.Usable)
            {
                foreach (var reason in result.Reasons)
                {
                    TerminalText.Error(stderr, $"{parse.GetValue(file)}: {Cli.Words(reason)}");
                }

                stderr.WriteLine("nothing was written to the corpus");
                return Cli.BadInput;
            }

            var added = result.Added!;
            if (added.Metadata.DivisionCode is null && result.Placement is { } placed)
            {
                stdout.WriteLine($"note: {added.Metadata.DisplayName} is not in the gazetteer (2023), filed as given{(placed.Candidates.Count > 0 ? $"; near: {string.Join(", ", placed.Candidates)}" : string.Empty)}");
            }

            var where = layout.DisplayPath(added.FilePath);
            if (result.Replaced is not null)
            {
                stdout.WriteLine($"replaced {result.Replaced.Metadata.DisplayName} ({layout.DisplayPath(result.Replaced.FilePath)}) with {where}");
                return RefreshAfterAdd(stdout, stderr, layout, parse, output, result.Corpus);
            }

            var addedLine = $"added {added.Metadata.DisplayName} ({added.Metadata.Level}, {added.Metadata.DivisionCode ?? "no code"}) as {where}";
            if (parse.GetValue(refresh))
            {
                stdout.WriteLine(addedLine);
                return RefreshAfterAdd(stdout, stderr, layout, parse, output, result.Corpus);
            }

            stdout.WriteLine($"{addedLine}; run 'planextract build' to refresh output/");
            return Cli.Ok;
        });
        return command;
    }

    public static Command Remove(TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("DISTRICT") { Description = "The district: its display name (清远市清城区), name (清城区), folder (广东省/清远市/清城区) or division code (441802)." };
        var corpus = CliOptions.CorpusOption();
        var output = OutOption();
        var command = new Command("remove", "Take a district's document out of the corpus and refresh OUT incrementally.") { name, corpus, output };
        command.SetAction(parse =>
        {
            var layout = new CorpusLayout(parse.GetValue(corpus)!);
            var wanted = parse.GetValue(name)!;
            var listed = layout.Inventory();
            var match = CorpusRemoval.Find(listed.Documents, layout, wanted);
            if (match.Documents.Count != 1)
            {
                TerminalText.Error(stderr, match.Documents.Count == 0
                    ? $"{layout.Given}: no district '{wanted}' in the corpus{(match.Near.Count > 0 ? "; near: " + Listed(match.Near, layout) : string.Empty)}"
                    : $"{layout.Given}: '{wanted}' names {match.Documents.Count} districts: {Listed(match.Documents, layout)}; give the display name or the folder");
                return Cli.BadInput;
            }

            var document = match.Documents[0];
            CorpusRemoval.Remove(document, layout);
            stdout.WriteLine($"removed {document.Metadata.DisplayName} ({layout.DisplayPath(document.FilePath)})");
            return Refresh(stdout, stderr, layout, parse, output, listed.After(layout, added: null, taken: document));
        });
        return command;
    }

    public static Command Check(TextWriter stdout, TextWriter stderr)
    {
        var corpus = CliOptions.CorpusOption();
        var limits = LimitsOption.Create();
        var command = new Command("check", "Validate the whole corpus: every file accounted for, per-document counts, warnings and errors, folders against the gazetteer.") { corpus, limits };
        command.SetAction(parse =>
        {
            var layout = new CorpusLayout(parse.GetValue(corpus)!);
            var summary = Progress.Run(stderr, "Checking", progress => CorpusCheck.Run(layout, progress, LimitsOption.Read(parse, limits)), layout);
            foreach (var (result, report, _) in summary.Documents)
            {
                if (report is null)
                {
                    stdout.WriteLine($"{TerminalText.Escape(result.Document.Metadata.DisplayName)}  {TerminalText.Escape(layout.DisplayPath(result.Document.FilePath))}");
                    stdout.WriteLine($"  error: {TerminalText.Escape(RealPaths(result.Error!, result.Document, layout))}");
                    continue;
                }

                ValidationText.Write(stdout, report with { Source = layout.DisplayPath(result.Document.FilePath) });
                stdout.WriteLine();
            }

            foreach (var finding in summary.Findings)
            {
                TerminalText.Error(stdout, CorpusFindingText.Line(finding, layout.Given));
            }

            stdout.WriteLine($"{summary.Documents.Count} documents, {summary.Targets} targets, {summary.Errors} errors, {summary.Warnings} warnings");
            return summary.Errors > 0 ? Cli.BadInput : Cli.Ok;
        });
        return command;
    }

    /// <summary>A reader's error names the document as records cite it ("corpus/…"); messages name it where it is.</summary>
    public static string RealPaths(string error, CorpusDocument document, CorpusLayout layout) =>
        error.StartsWith(document.Source, StringComparison.Ordinal) ? layout.DisplayPath(document.FilePath) + error[document.Source.Length..] : error;

    private static Option<string> OutOption() =>
        new("--out") { Description = "The build output to refresh (targets.jsonl, tables/, index/).", DefaultValueFactory = _ => CliOptions.Output(null) };

    private static string Listed(IEnumerable<CorpusDocument> documents, CorpusLayout layout) =>
        string.Join(", ", documents.Select(d => $"{d.Metadata.DisplayName} ({layout.DisplayPath(d.Folder)})"));

    /// <summary>
    /// After a removal or a swap, the outputs follow: only what changed is re-read. A corpus other
    /// than the repository's refreshes only an output named by --out or PLANEXTRACT_OUTPUT, so that
    /// the repository's output/ is never rebuilt from another corpus by default.
    /// </summary>
    /// <param name="listed">The corpus as the add or remove listed it, with its change made (null: listed again).</param>
    private static int Refresh(TextWriter stdout, TextWriter stderr, CorpusLayout layout, ParseResult parse, Option<string> output, CorpusInventory? listed = null)
    {
        var outFolder = parse.GetValue(output)!;
        if (!CliOptions.OutputNamed(parse.GetResult(output) is { Implicit: false }) && !CliOptions.IsRepositoryCorpus(layout.Given))
        {
            stdout.WriteLine($"run 'planextract build --corpus {layout.Given} --out DIR' to refresh that corpus's output");
            return Cli.Ok;
        }

        var summary = Progress.Run(stderr, "Refreshing", progress => CorpusBuild.Run(layout, outFolder, progress: progress, listed: listed), layout);
        // Said as build says them: the exit code counts them, so the reader must see them.
        foreach (var finding in summary.Findings)
        {
            TerminalText.Error(stderr, CorpusFindingText.Line(finding, layout.Given));
        }

        var skipped = summary.Findings.Count == 0 ? string.Empty : $", {summary.Findings.Count} files not part of the corpus";
        stdout.WriteLine($"refreshed {outFolder}: {summary.Documents.Count} documents, {summary.Reread} re-read, {summary.Failed} failed{skipped}");
        return summary.Failed > 0 || summary.Findings.Count > 0 ? Cli.BadInput : Cli.Ok;
    }

    // The plan is filed before the build starts: a build that fails must not leave the reader thinking it was not.
    private static int RefreshAfterAdd(TextWriter stdout, TextWriter stderr, CorpusLayout layout, ParseResult parse, Option<string> output, CorpusInventory? listed)
    {
        try
        {
            return Refresh(stdout, stderr, layout, parse, output, listed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stderr.WriteLine("the plan is in the corpus, but the output was not refreshed (the error follows); run 'planextract build' once it is mended");
            throw;
        }
    }
}
