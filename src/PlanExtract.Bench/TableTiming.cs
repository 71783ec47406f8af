using System.Diagnostics;
using PlanExtract.Corpus;
using PlanExtract.Reporting;

namespace PlanExtract.Benchmarking;

/// <summary>Times what <c>build</c> does for the tables: <see cref="CrossReferenceTables.WriteMarkdown(string, IReadOnlyList{DocumentResult})"/> on the build's records.</summary>
public static class TableTiming
{
    public const string Writer = "PlanExtract.Reporting.CrossReferenceTables.WriteMarkdown";

    /// <param name="outputFolder">The build's output folder; the tables go to its <c>tables/</c>.</param>
    public static double Write(string outputFolder, Func<IReadOnlyList<DocumentResult>> records)
    {
        var clock = Stopwatch.StartNew();
        CrossReferenceTables.WriteMarkdown(outputFolder, records());
        return clock.Elapsed.TotalSeconds;
    }
}
