using PlanExtract.Corpus;

namespace PlanExtract.Cli;

/// <summary>
/// A corpus finding as one line that names the file as the user reaches it (under the folder
/// given with --corpus, not "corpus/") and what to do about it.
/// </summary>
internal static class CorpusFindingText
{
    public static string Line(CorpusFinding finding, string corpusFolder)
    {
        var path = PathUnder(corpusFolder, finding.Path);
        var corpusFlag = CliOptions.IsDefaultCorpus(corpusFolder) ? string.Empty : $" --corpus {corpusFolder}";
        return finding.Problem switch
        {
            CorpusProblem.PlanWithoutMetadata => $"not part of the corpus: {path} ({finding.Detail}); run `planextract add {path}{corpusFlag}` to file it",
            CorpusProblem.NotPartOfCorpus => $"not part of the corpus: {path} ({finding.Detail}); move it out of {corpusFolder}",
            CorpusProblem.LinkInside or CorpusProblem.LinkOutside => $"not followed: {path} ({finding.Detail})",
            _ => $"not read: {path}: {finding.Detail}",
        };
    }

    /// <summary>A corpus-relative path ('/'-separated) under the folder as the user typed it.</summary>
    public static string PathUnder(string corpusFolder, string relative) =>
        corpusFolder.TrimEnd('/', Path.DirectorySeparatorChar) + "/" + relative;
}
