using System.Diagnostics;
using System.Globalization;

namespace PlanExtract.Tests.Cli;

/// <summary>What an out-of-process run gave: exit code, output, wall time and peak resident memory.</summary>
internal sealed record ProcessRun(int Code, string Out, string Err, TimeSpan Elapsed, long PeakBytes, bool TimedOut);

/// <summary>Runs the command line in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = PlanExtract.Cli.Cli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs the built <c>planextract</c> in its own process, as a user would: a crash, a stack
    /// overflow or an out-of-memory end shows as its exit code, and the peak resident set
    /// (VmHWM, sampled from /proc while it runs) is its memory cost. The GC heap is capped at
    /// 2 GB so that a regression fails the test instead of the machine.
    /// </summary>
    public static ProcessRun RunOutOfProcess(TimeSpan timeout, string workingDirectory, params string[] args) =>
        RunOutOfProcess(timeout, workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>The same, with <paramref name="environment"/> set for that process only (the test process's own is shared by every test).</summary>
    public static ProcessRun RunOutOfProcess(TimeSpan timeout, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "planextract.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = "0x80000000";
        start.Environment["PLANEXTRACT_LOG_DIR"] = Path.Combine(workingDirectory, "logs");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var timedOut = false;
        while (!process.WaitForExit(25))
        {
            peak = Math.Max(peak, PeakResident(process.Id));
            if (clock.Elapsed > timeout)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                break;
            }
        }

        clock.Stop();
        return new ProcessRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), clock.Elapsed, peak, timedOut);
    }

    /// <summary>The process's high-water mark of resident memory, in bytes; 0 once it has gone.</summary>
    private static long PeakResident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return 0;
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "planextract-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A copy of the repository's corpus to change freely.</summary>
    public string CopyOfCorpus()
    {
        var target = System.IO.Path.Combine(Path, "corpus");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Corpus, "*", SearchOption.AllDirectories))
        {
            var to = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(RepoPaths.Corpus, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            System.IO.File.Copy(file, to);
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
