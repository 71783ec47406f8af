using System.CommandLine;
using System.CommandLine.Parsing;

namespace PlanExtract.Cli;

/// <summary>Option conventions every command shares: enum values in any case, where the corpus and output live, colour.</summary>
internal static class CliOptions
{
    /// <summary>Environment variables that name the corpus and output folders when no flag does.</summary>
    public const string CorpusVariable = "PLANEXTRACT_CORPUS";
    public const string OutputVariable = "PLANEXTRACT_OUTPUT";

    /// <summary>
    /// Restricts <paramref name="option"/> to <paramref name="values"/>, compared without case
    /// (<c>--plan Women</c> was refused), and hands the command the lower-case spelling.
    /// </summary>
    public static T OneOf<T>(this T option, params string[] values) where T : Option<string>
    {
        option.CustomParser = result => Pick(result, option.Name, values);
        option.CompletionSources.Add(values);
        return option;
    }

    /// <summary>The nullable form of <see cref="OneOf{T}"/>, for filters left out by default.</summary>
    public static Option<string?> OneOfOrNone(this Option<string?> option, params string[] values)
    {
        option.CustomParser = result => Pick(result, option.Name, values);
        option.CompletionSources.Add(values);
        return option;
    }

    private static string Pick(ArgumentResult result, string name, string[] values)
    {
        var given = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        var match = values.FirstOrDefault(v => string.Equals(v, given, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            result.AddError($"{name} must be one of {string.Join(", ", values)}, not '{given}'");
            return given;
        }

        return match;
    }

    /// <summary>The corpus folder: the flag, else <c>PLANEXTRACT_CORPUS</c>, else <c>corpus/</c> of the repository around the current folder.</summary>
    public static string Corpus(string? flag) => flag ?? (Environment.GetEnvironmentVariable(CorpusVariable) is { Length: > 0 } variable ? variable : InRepository("corpus"));

    /// <summary>The output folder: the flag, else <c>PLANEXTRACT_OUTPUT</c>, else <c>output/</c> of the repository around the current folder.</summary>
    public static string Output(string? flag) => flag ?? (Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } variable ? variable : InRepository("output"));

    /// <summary>A <c>--corpus</c> option that defaults to <see cref="Corpus"/>'s folder.</summary>
    public static Option<string> CorpusOption(string description = "The corpus folder.") =>
        new("--corpus") { Description = description, DefaultValueFactory = _ => Corpus(null) };

    /// <summary>Whether a command left without <c>--corpus</c> reaches <paramref name="folder"/> from here.</summary>
    public static bool IsDefaultCorpus(string folder) => SameFolder(folder, Corpus(null));

    /// <summary>Whether <paramref name="folder"/> is the repository's own corpus/, the one its output/ is built from.</summary>
    public static bool IsRepositoryCorpus(string folder) => SameFolder(folder, InRepository("corpus"));

    /// <summary>Whether the output folder was named, by its flag or by <c>PLANEXTRACT_OUTPUT</c>, rather than found in the repository.</summary>
    public static bool OutputNamed(bool flagGiven) => flagGiven || Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 };

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    // An installed tool runs from any folder of the repository (docs/, a district's folder): the
    // repository is the nearest folder up that has a corpus/ beside its solution or its output/.
    private static string InRepository(string name)
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "corpus"))
                && (File.Exists(Path.Combine(folder.FullName, "PlanExtract.sln")) || Directory.Exists(Path.Combine(folder.FullName, "output"))))
            {
                var found = Path.Combine(folder.FullName, name);
                return Path.GetRelativePath(Directory.GetCurrentDirectory(), found);
            }
        }

        return name;
    }

    /// <summary>Colour only on a terminal and never when <c>NO_COLOR</c> is set (no-color.org).</summary>
    public static bool Colour(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
