using System.CommandLine;
using System.Text;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Cli;

/// <summary><c>planextract table</c>: the cross-reference table, indicators × districts (<see cref="CorpusTables"/>).</summary>
internal static class TableCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var plan = new Option<string?>("--plan") { Description = "Only the women's or the children's plan (default both)." };
        plan.OneOfOrNone("women", "children");
        var domain = new Option<string?>("--domain") { Description = "Only domains whose name contains this (健康)." };
        var indicator = new Option<string?>("--indicator") { Description = "Only indicators whose canonical or written name contains this (死亡率)." };
        var province = new Option<string?>("--province") { Description = "Only the districts of this province, as its corpus folder or meta.json names it (广东省)." };
        var city = new Option<string?>("--city") { Description = "Only the districts of this city, as its corpus folder or meta.json names it (清远市)." };
        var format = new Option<string>("--format") { Description = "md (default), csv (UTF-8 with BOM), docx or xlsx (these two need --out).", DefaultValueFactory = _ => "md" };
        format.OneOf([.. CrossTableWriters.Formats]);
        var layout = new Option<string?>("--layout") { Description = "wide (indicators × districts; default for md, docx, xlsx) or long (one row per target; default for csv; xlsx always has a targets sheet)." };
        layout.OneOfOrNone("wide", "long");
        var linkBase = new Option<string?>("--link-base") { Description = "Write every source link against this web address or folder (https://github.com/o/r/blob/main, /srv/share/PlanExtract); default: relative to the written file." };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout." };
        var corpus = CliOptions.CorpusOption("The corpus folder (its indicators.json is the catalog).");
        var index = new Option<string?>("--index")
        {
            Description = $"The index folder build wrote: its records are read instead of every plan when they are current (default: OUTPUT/index for the repository's corpus, OUTPUT from ${CliOptions.OutputVariable} or the repository's output/).",
        };
        var command = new Command("table", "The cross-reference table: indicators × districts, each cell linked to its source line.")
        {
            plan, domain, indicator, province, city, format, layout, linkBase, output, corpus, index,
        };
        command.Validators.Add(result =>
        {
            if (CrossTableWriters.All.Any(w => w.Format == result.GetValue(format) && w.Binary) && string.IsNullOrEmpty(result.GetValue(output)))
            {
                result.AddError($"--format {result.GetValue(format)} writes a binary file: give --out FILE");
            }
        });
        command.SetAction(parse =>
        {
            var kind = PlanKindNames.Parse(parse.GetValue(plan));
            var filter = new TableFilter(parse.GetValue(domain), parse.GetValue(indicator), parse.GetValue(province), parse.GetValue(city));
            var layoutOfCorpus = new CorpusLayout(parse.GetValue(corpus)!);
            var (set, note) = TableSources.Read(layoutOfCorpus, BuildOutput(parse.GetValue(index), layoutOfCorpus), parse.GetValue(index) is not null, kind, filter);
            if (note is not null)
            {
                stderr.WriteLine($"note: {note}");
            }

            foreach (var failed in set.Failed)
            {
                stderr.WriteLine($"error: {failed.Error}");
            }

            if (set.Indicators == 0)
            {
                // An empty table would look like an answer ("no district sets this"); it is a filter that matched nothing.
                stderr.WriteLine($"error: {parse.GetValue(corpus)}: no indicator matches {Filters(parse.GetValue(plan), filter)}");
                return Cli.BadInput;
            }

            var tables = set.Tables;
            var file = parse.GetValue(output);
            var linkFolder = file is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(file))!;
            var writeOptions = new CrossTableWriteOptions(linkFolder)
            {
                LinkBase = parse.GetValue(linkBase),
                Layout = parse.GetValue(layout) switch { "long" => TableLayout.Long, "wide" => TableLayout.Wide, _ => null },
                Scope = new TableScope(kind, filter, DateOnly.FromDateTime(DateTime.UtcNow)),
            };
            void Write(Stream to) => CrossTableWriters.For(parse.GetValue(format)!).Write(tables, to, writeOptions);

            // Streamed, not built whole in memory first: the country's CSV is 115 MB at 3,200
            // documents, and its buffer and copies took `table` from about 700 MB to 1.3 GB.
            if (file is null && ReferenceEquals(stdout, Console.Out))
            {
                // The CSV keeps its BOM on stdout too: `table --format csv > t.csv` must open right in Excel.
                stdout.Flush();
                using var standardOutput = Console.OpenStandardOutput();
                Write(standardOutput);
            }
            else if (file is null)
            {
                using var buffer = new MemoryStream();
                Write(buffer);
                stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                stdout.Flush();
            }
            else
            {
                Directory.CreateDirectory(linkFolder);
                AtomicFile.Write(file, Write);
                stderr.WriteLine($"wrote {file}: {set.Indicators} indicators × {set.Districts} districts");
            }

            return set.Failed.Count > 0 ? Cli.BadInput : Cli.Ok;
        });
        return command;
    }

    // The output folder whose records may stand in for the plans: the one --index names, or the
    // default output/ for the corpus it is built from; another corpus has none unless named.
    private static string? BuildOutput(string? index, CorpusLayout corpus) =>
        index is not null ? Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(index)))
        : CliOptions.OutputNamed(flagGiven: false) || CliOptions.IsRepositoryCorpus(corpus.Given) || CliOptions.IsDefaultCorpus(corpus.Given) ? CliOptions.Output(null)
        : null;

    /// <summary>"--plan children --domain 健康 --indicator 死亡X", or "any filter" for none.</summary>
    private static string Filters(string? plan, TableFilter filter)
    {
        var parts = new List<string>();
        if (plan is not null)
        {
            parts.Add($"--plan {plan}");
        }

        if (filter.Province is not null)
        {
            parts.Add($"--province {filter.Province}");
        }

        if (filter.City is not null)
        {
            parts.Add($"--city {filter.City}");
        }

        if (filter.Domain is not null)
        {
            parts.Add($"--domain {filter.Domain}");
        }

        if (filter.Indicator is not null)
        {
            parts.Add($"--indicator {filter.Indicator}");
        }

        return parts.Count == 0 ? "in the corpus" : string.Join(" ", parts);
    }
}
