namespace PlanExtract.Model;

/// <summary>Where a node came from: the document, and its line (txt/md/docx) or page (pdf).</summary>
public sealed record SourceSpan(string Source, int? Line, int? Page);

/// <summary>A numbered item as the document numbers it, its broken lines joined back.</summary>
public sealed record Item(string Number, string Text, SourceSpan Span, IReadOnlyList<ItemLine> Lines)
{
    public IReadOnlyList<Target> Targets { get; init; } = [];
}

/// <summary>One source line of an item's text: where in <see cref="Item.Text"/> it starts.</summary>
public sealed record ItemLine(int Offset, int? Line, int? Page);

public sealed record Section(SectionKind Kind, string Heading, SourceSpan Span, IReadOnlyList<Item> Items);

public sealed record Domain(string Name, SourceSpan Span, IReadOnlyList<Section> Sections);

public sealed record Plan(
    PlanKind Kind,
    string Title,
    string? Issuer,
    SourceSpan Span,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Domain> Domains,
    IReadOnlyList<Item> Projects);

/// <summary>A document read and segmented: the plans it holds, and who issued it.</summary>
public sealed record PlanDocument(string Source, string? District, IReadOnlyList<Plan> Plans);
