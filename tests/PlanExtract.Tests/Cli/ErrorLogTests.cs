namespace PlanExtract.Tests.Cli;

/// <summary>An unexpected failure is one line on the terminal and a stack trace in the log it names.</summary>
public sealed class ErrorLogTests
{
    [Fact]
    public void Summary_is_one_line_naming_the_log_that_holds_the_stack_trace()
    {
        Exception thrown;
        try
        {
            throw new InvalidCastException("first line\nsecond line");
        }
        catch (InvalidCastException e)
        {
            thrown = new AggregateException(e);
        }

        var summary = ErrorLog.Summary("corpus/x/plans.txt", thrown);
        Assert.DoesNotContain('\n', summary);
        Assert.StartsWith("corpus/x/plans.txt: unexpected InvalidCastException: first line (details in ", summary, StringComparison.Ordinal);
        var log = summary[(summary.LastIndexOf("(details in ", StringComparison.Ordinal) + "(details in ".Length)..^1];
        var text = File.ReadAllText(log);
        Assert.Contains("second line", text, StringComparison.Ordinal);
        Assert.Contains(nameof(Summary_is_one_line_naming_the_log_that_holds_the_stack_trace), text, StringComparison.Ordinal);
    }
}
