using PlanExtract.Corpus;
using Spectre.Console;

namespace PlanExtract.Cli;

/// <summary>A progress bar with the current document on a terminal; plain lines when redirected.</summary>
internal static class Progress
{
    /// <param name="corpus">When given, a document is shown under the folder the user gave, not as records cite it ("corpus/…").</param>
    public static T Run<T>(TextWriter stderr, string label, Func<IProgress<BuildProgress>, T> work, CorpusLayout? corpus = null)
    {
        if (corpus is not null)
        {
            var inner = work;
            work = progress => inner(new SyncProgress(p => progress.Report(p with { Current = Shown(p.Current, corpus) })));
        }

        if (Console.IsErrorRedirected || !ReferenceEquals(stderr, Console.Error))
        {
            var lastShown = DateTime.MinValue;
            return work(new Progress<BuildProgress>(p =>
            {
                lock (stderr)
                {
                    if (p.Done == p.Total || DateTime.UtcNow - lastShown > TimeSpan.FromSeconds(2))
                    {
                        lastShown = DateTime.UtcNow;
                        stderr.WriteLine($"{label} {p.Done}/{p.Total} {TerminalText.Escape(p.Current)}");
                    }
                }
            }));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask(label);
            result = work(new SyncProgress(p =>
            {
                task.MaxValue = p.Total;
                task.Value = p.Done;
                task.Description = $"{label} {Markup.Escape(TerminalText.Escape(Path.GetFileName(Path.GetDirectoryName(p.Current) ?? p.Current)))}";
            }));
        });
        return result;
    }

    private static string Shown(string source, CorpusLayout corpus) =>
        source.StartsWith("corpus/", StringComparison.Ordinal) ? CorpusFindingText.PathUnder(corpus.Given, source["corpus/".Length..]) : source;

    /// <summary>Reports on the calling thread: <see cref="Progress{T}"/> would post to a thread pool.</summary>
    private sealed class SyncProgress(Action<BuildProgress> report) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
