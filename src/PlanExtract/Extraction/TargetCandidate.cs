namespace PlanExtract.Extraction;

/// <summary>What a rule found in a clause, before it becomes a record.</summary>
/// <param name="Anchor">Offset in the clause that identifies the find (the value, or the verb for a direction): two rules never claim one anchor.</param>
/// <param name="TextStart">Where the quoted clause starts (the indicator's first character).</param>
/// <param name="TextEnd">Where the quoted clause ends.</param>
public sealed record TargetCandidate(
    string Indicator,
    string Comparator,
    string? Value,
    string? Unit,
    int Anchor,
    int TextStart,
    int TextEnd)
{
    public string? Basis { get; init; }

    public string? Population { get; init; }
}

/// <summary>One grammar rule: reads a clause, returns what it recognises (nothing when it does not match).</summary>
public interface ITargetRule
{
    IEnumerable<TargetCandidate> Match(Clause clause);
}

/// <summary>A target record with the clause it was read from and the rule's find (its value's offset in the clause).</summary>
public sealed record FoundTarget(Model.Target Target, Clause Clause, TargetCandidate Candidate);
