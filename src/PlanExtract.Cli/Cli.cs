using System.CommandLine;
using PlanExtract;

namespace PlanExtract.Cli;

/// <summary>The command tree. Commands only parse, call the library and print.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int BadUsage = 2;

    /// <summary>The library's field errors in the words of this command line: the field as its --flag, and what to run.</summary>
    public static string Words(PlanExtractException e) => e switch
    {
        InvalidFieldException f => (f.Subject is null ? string.Empty : f.Subject + ": ") + Flag(f.Field) + " " + f.Reason,
        UnusableIndexException i => $"{i.Path}: {i.Reason}; run `planextract build` {(i.Missing ? "first" : "to rebuild it")}",
        _ => e.Message,
    };

    /// <summary>A refusal of <c>add</c>, naming the options that would settle it.</summary>
    public static string Words(Corpus.AddRefusal refusal) => refusal.Fields.Count switch
    {
        0 => refusal.Reason,
        1 => $"{refusal.Reason}: give {Flag(refusal.Fields[0])}",
        _ => $"{refusal.Reason}: give {Flag(refusal.Fields[0])} (and {string.Join(", ", refusal.Fields.Skip(1).Select(Flag))})",
    };

    private static string Flag(string field) => "--" + field;

    /// <summary>The help line for the command the user was running: bad usage points at it.</summary>
    private static string HelpFor(ParseResult parse)
    {
        var names = new List<string>();
        for (var command = parse.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (command.Command is not RootCommand)
            {
                names.Insert(0, command.Command.Name);
            }
        }

        return string.Join(" ", ["planextract", .. names, "--help"]);
    }

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var root = new RootCommand("PlanExtract: turns Chinese women's and children's development plans into data.");
        foreach (var command in Commands.All(stdout, stderr))
        {
            root.Subcommands.Add(command);
        }

        // A bare `planextract` shows what it can do rather than an error.
        ParseResult parse;
        try
        {
            parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        }
        catch (InvalidOperationException e)
        {
            // A validator reading a value that failed to convert; the conversion's message is the reason.
            stderr.WriteLine($"error: {e.Message}; see 'planextract --help'");
            return BadUsage;
        }

        var help = HelpFor(parse);
        if (parse.Errors.Count > 0)
        {
            // One line per error, the last pointing at the help of the command being run.
            for (var i = 0; i < parse.Errors.Count; i++)
            {
                TerminalText.Error(stderr, $"{parse.Errors[i].Message.TrimEnd('.')}{(i == parse.Errors.Count - 1 ? $"; see '{help}'" : string.Empty)}");
            }

            return BadUsage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (QueryException e)
        {
            // The query is the user's to change: bad usage, one line.
            stderr.WriteLine($"error: {e.Message}; see '{help}'");
            return BadUsage;
        }
        catch (PlanExtractException e) when (e is InvalidFieldException or UnusableIndexException)
        {
            stderr.WriteLine($"error: {Words(e)}");
            return BadInput;
        }
        catch (PlanExtractException e)
        {
            TerminalText.Error(stderr, e.Message);
            return BadInput;
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions is [PlanExtractException or IOException or UnauthorizedAccessException])
        {
            // Parallel work (the tables are written side by side) wraps the one failure it had.
            TerminalText.Error(stderr, e.Flatten().InnerExceptions[0].Message);
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TerminalText.Error(stderr, e.Message);
            return BadInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else is a bug or an exhausted resource: one line here, the details in the log.
            TerminalText.Error(stderr, ErrorLog.Summary("planextract " + string.Join(' ', args.Take(1)), e));
            return BadInput;
        }
    }
}
