using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Corpus;

/// <summary>
/// The damage issue 16 found, done to a copy of the corpus: one helper each, shared by the
/// inventory tests (what the library finds) and the maintenance tests (what build and check say).
/// </summary>
internal static class CorpusDamage
{
    /// <summary>ln -s .. corpus/广东省/loop.</summary>
    public static void AddLinkLoop(string corpus) => File.CreateSymbolicLink(Path.Combine(corpus, "广东省", "loop"), "..");

    /// <summary>A plan file in a new folder (英德市) that has no meta.json; its path.</summary>
    public static string AddPlanWithoutMetadata(string corpus)
    {
        var folder = Directory.CreateDirectory(Path.Combine(corpus, "广东省", "清远市", "英德市")).FullName;
        var plan = Path.Combine(folder, "plans.pdf");
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "PlanExtract.Tests", "Fixtures", "000.lo.pdf"), plan);
        return plan;
    }

    /// <summary>清远市's plan file replaced by a link to a copy of it outside the corpus.</summary>
    public static (string Plan, string Outside) LinkPlanFromOutside(TempFolder temp, string corpus)
    {
        var plan = Path.Combine(corpus, "广东省", "清远市", "plans.txt");
        var outside = temp.File("outside/plans.txt", File.ReadAllBytes(plan));
        File.Delete(plan);
        File.CreateSymbolicLink(plan, outside);
        return (plan, outside);
    }

    /// <summary>Makes a meta.json's <c>file</c> name <paramref name="file"/> instead of plans.txt.</summary>
    public static void PointMetadataAt(string meta, string file) =>
        File.WriteAllText(meta, File.ReadAllText(meta).Replace("\"file\": \"plans.txt\"", $"\"file\": \"{file}\"", StringComparison.Ordinal));
}
