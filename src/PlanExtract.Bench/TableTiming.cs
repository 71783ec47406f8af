using System.Diagnostics;
using PlanExtract.Corpus;
using PlanExtract.Reporting;

namespace PlanExtract.Benchmarking;

/// <summary>Times what <c>build</c> does for the tables: <see cref="CrossReferenceTables.WriteMarkdown(string, IReadOnlyList{DocumentResult})"/> on the build's records.</summary>
public static class TableTiming
{
    public const string Writer = "PlanExtract.Reporting.CrossReferenceTables.WriteMarkdown";

    /// <summary>
    /// Reads the records (<paramref name="records"/>), then writes the tables from them, each timed:
    /// a build with tables reads the records while its index commits, so the writing is what the
    /// tables add to it; an add's tables pay for both.
    /// </summary>
    /// <param name="outputFolder">The build's output folder; the tables go to its <c>tables/</c>.</param>
    public static (double ReadSeconds, double WriteSeconds) Write(string outputFolder, Func<IReadOnlyList<DocumentResult>> records)
    {
        var clock = Stopwatch.StartNew();
        var read = records();
        var readSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        CrossReferenceTables.WriteMarkdown(outputFolder, read);
        return (readSeconds, clock.Elapsed.TotalSeconds);
    }
}
