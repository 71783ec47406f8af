using PlanExtract.Model;

namespace PlanExtract.Extraction;

/// <summary>Where an item stands in its plan: what every target from it carries.</summary>
public sealed record ItemContext(string? District, PlanKind Plan, string? Domain, SectionKind Section, string Source);

/// <summary>Item text → target records.</summary>
public interface ITargetExtractor
{
    IReadOnlyList<Target> Extract(Item item, ItemContext context);
}
