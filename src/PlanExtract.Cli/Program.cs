using PlanExtract;
using PlanExtract.Cli;

// The last line of defence: whatever escapes the commands (a bug, an exhausted resource, a failure
// on another thread) is one line on the terminal, the stack trace goes to the error log.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    Report(e.ExceptionObject as Exception ?? new InvalidOperationException(e.ExceptionObject?.ToString()));
    Environment.Exit(Cli.BadInput);
};

try
{
    return Cli.Run(args);
}
catch (Exception e)
{
    Report(e);
    return Cli.BadInput;
}

static void Report(Exception e)
{
    TerminalText.Error(Console.Error, ErrorLog.Summary("planextract", e));
    Console.Error.Flush();
}
