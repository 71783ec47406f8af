using PlanExtract.Model;

namespace PlanExtract.Extraction;

/// <summary>Where an item stands in its plan: what every target from it carries.</summary>
/// <param name="Headed">False for items no heading stands over (a page cut from a plan, read as far as it goes): their "other" section is not 组织实施 or 指导思想, so their targets count.</param>
public sealed record ItemContext(string? District, PlanKind Plan, string? Domain, SectionKind Section, string Source, bool Headed = true);

/// <summary>Item text → target records.</summary>
public interface ITargetExtractor
{
    IReadOnlyList<Target> Extract(Item item, ItemContext context);
}
