using System.Globalization;

namespace PlanExtract;

/// <summary>
/// Where the details of an unexpected failure go, so the terminal gets one line and a maintainer
/// still gets the stack trace: one file per run, <c>$TMPDIR/planextract/error-DATE-PID.log</c>,
/// or under <c>PLANEXTRACT_LOG_DIR</c> when that is set.
/// </summary>
public static class ErrorLog
{
    private static readonly Lock _gate = new();
    private static readonly Lazy<string> _path = new(() =>
    {
        var folder = Environment.GetEnvironmentVariable("PLANEXTRACT_LOG_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "planextract");
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return Path.Combine(folder, $"error-{stamp}-{Environment.ProcessId}.log");
    });

    /// <summary>Appends the exception with what was being done; returns the log's path, or why none could be written.</summary>
    public static string Write(string context, Exception exception)
    {
        var path = _path.Value;
        try
        {
            lock (_gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.AppendAllText(path, $"{DateTime.UtcNow:O} {context}{Environment.NewLine}{exception}{Environment.NewLine}{Environment.NewLine}");
            }

            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"nowhere (the log {path} could not be written: {e.Message})";
        }
    }

    /// <summary>The one line a user sees for an unexpected failure: its kind, its first message line, where the details are.</summary>
    public static string Summary(string context, Exception exception)
    {
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var message = inner.Message.Split('\n', 2)[0].TrimEnd('\r');
        return $"{context}: unexpected {inner.GetType().Name}: {message} (details in {Write(context, exception)})";
    }
}
