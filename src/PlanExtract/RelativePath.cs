namespace PlanExtract;

/// <summary>How the outputs, records and findings name a path: relative to a folder, '/'-separated on every platform.</summary>
public static class RelativePath
{
    public static string Of(string folder, string path) =>
        Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
}
