using PlanExtract.Model;

namespace PlanExtract.Corpus;

/// <summary>What one document gave, or why it gave nothing.</summary>
public sealed record DocumentResult(CorpusDocument Document, PlanDocument? Plans, string? Error)
{
    public bool Failed => Error is not null;
}

public sealed record BuildProgress(int Done, int Total, string Current);
