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

/// <summary>
/// A request refused for one of its fields, named as the library names it ("district", "limit");
/// the caller words it for its user (the CLI as <c>--district</c>).
/// </summary>
/// <param name="Subject">What the request was about (the file being added), or null.</param>
public sealed class InvalidFieldException(string field, string reason, string? subject = null)
    : PlanExtractException((subject is null ? string.Empty : subject + ": ") + field + " " + reason)
{
    public string Field { get; } = field;

    public string Reason { get; } = reason;

    public string? Subject { get; } = subject;
}

/// <summary>A search index that cannot be read as it is: missing, from another version or damaged; building the corpus again makes a good one.</summary>
/// <param name="Missing">No index at all, rather than one that must be rebuilt.</param>
public sealed class UnusableIndexException(string path, string reason, bool missing = false, Exception? inner = null)
    : PlanExtractException($"{path}: {reason}; {(missing ? "build the corpus first" : "build the corpus again to rebuild it")}", inner)
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;

    public bool Missing { get; } = missing;
}

/// <summary>A search query that cannot be read as written; the caller treats it as bad usage and the message says what to change.</summary>
public sealed class QueryException(string reason) : PlanExtractException(reason);
