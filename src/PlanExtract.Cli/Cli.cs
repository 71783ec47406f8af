using System.CommandLine;
using PlanExtract;

namespace PlanExtract.Cli;

/// <summary>The command tree. Commands only parse, call the library and print.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int BadUsage = 2;

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var root = new RootCommand("PlanExtract: turns Chinese women's and children's development plans into data.");
        foreach (var command in Commands.All(stdout, stderr))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                TerminalText.Error(stderr, error.Message);
            }

            stderr.WriteLine("Run 'planextract --help' for usage.");
            return BadUsage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
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
