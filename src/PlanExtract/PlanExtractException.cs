namespace PlanExtract;

/// <summary>The project's own error: bad input that the user can fix. Its message names the file.</summary>
public class PlanExtractException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A document that cannot be read: missing, empty, binary, encrypted, truncated, not a plan.</summary>
public sealed class DocumentReadException(string path, string reason, Exception? inner = null)
    : PlanExtractException($"{path}: {reason}", inner)
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}
