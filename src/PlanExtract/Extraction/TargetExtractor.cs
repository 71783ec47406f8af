using PlanExtract.Model;

namespace PlanExtract.Extraction;

/// <summary>Runs the target rules over an item's clauses.</summary>
public sealed class TargetExtractor : ITargetExtractor
{
    public IReadOnlyList<Target> Extract(Item item, ItemContext context) => [];
}
