namespace PlanExtract;

// TEMPORARY profiling aid (removed before merge): PLANEXTRACT_PHASES=1 prints each phase's time.
internal static class PhaseClock
{
    private static readonly bool On = Environment.GetEnvironmentVariable("PLANEXTRACT_PHASES") == "1";
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();
    private static double _last;

    public static void Mark(string phase)
    {
        if (!On)
        {
            return;
        }

        var now = Clock.Elapsed.TotalMilliseconds;
        Console.Error.WriteLine($"phase {phase,-28} {now - _last,8:F1} ms");
        _last = now;
    }
}
