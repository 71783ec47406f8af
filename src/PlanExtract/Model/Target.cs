namespace PlanExtract.Model;

/// <summary>One quantitative commitment, in the shape of the contract's target record.</summary>
public sealed record Target
{
    public string? District { get; init; }
    public required string Plan { get; init; }
    public string? Domain { get; init; }
    public required string Section { get; init; }
    public string? Item { get; init; }
    public required string Indicator { get; init; }
    public string? IndicatorId { get; init; }
    public required string Comparator { get; init; }
    public string? Value { get; init; }
    public string? Unit { get; init; }
    public int? Year { get; init; }
    public string? Basis { get; init; }
    public string? Population { get; init; }
    public required string Text { get; init; }
    public required string Source { get; init; }
    public int? Line { get; init; }
    public int? Page { get; init; }
}
