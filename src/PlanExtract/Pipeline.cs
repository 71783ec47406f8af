using PlanExtract.Extraction;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Reading;
using PlanExtract.Segmentation;

namespace PlanExtract;

/// <summary>The one place the stages are wired: read → segment → extract → match indicators.</summary>
/// <param name="indicators">Names each target's canonical indicator; without it every <c>indicator_id</c> stays null.</param>
public sealed class Pipeline(DocumentReaders readers, PlanSegmenter segmenter, ITargetExtractor extractor, IndicatorMatcher? indicators = null, ReadLimits? limits = null)
{
    // Lazy, and not caching a failure: a broken corpus/indicators.json is bad input to report, not a
    // type initializer exception.
    private static readonly Lazy<Pipeline> _default = new(() => ForCorpus("corpus"), LazyThreadSafetyMode.PublicationOnly);

    /// <summary>The default stages, with the catalog <c>corpus/indicators.json</c> of the current directory when present.</summary>
    public static Pipeline Default => _default.Value;

    public DocumentReaders Readers => readers;

    public IndicatorMatcher? Indicators => indicators;

    /// <summary>The default stages with the catalog of this corpus folder (<c>DIR/indicators.json</c>) when it has one.</summary>
    public static Pipeline ForCorpus(string corpusRoot) =>
        new(DocumentReaders.Default, new PlanSegmenter(), new TargetExtractor(), IndicatorMatcher.ForCorpus(corpusRoot));

    /// <summary>The same stages reading with other limits (<c>--max-document-mb</c>).</summary>
    public Pipeline WithLimits(ReadLimits limits) => new(DocumentReaders.For(limits), segmenter, extractor, indicators, limits);

    /// <summary>What one document may cost to read.</summary>
    public ReadLimits Limits => limits ?? ReadLimits.Default;

    /// <summary>The same stages with another indicator matcher (or none).</summary>
    public Pipeline WithIndicators(IndicatorMatcher? matcher) => new(readers, segmenter, extractor, matcher, limits);

    /// <summary>Reads one document into its plan tree with targets on every item.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="source">How records name the document (a corpus-relative path); defaults to <paramref name="path"/>.</param>
    /// <param name="district">The issuer's display name from corpus metadata; else taken from the plan title.</param>
    public PlanDocument Read(string path, string? source = null, string? district = null) =>
        Segment(path, readers.Read(path), source, district);

    /// <summary>Segments and extracts blocks already read (so a caller that needs the blocks reads the file once).</summary>
    public PlanDocument Segment(string path, IReadOnlyList<SourceBlock> blocks, string? source = null, string? district = null)
    {
        source ??= path;
        var plans = segmenter.Segment(source, blocks);
        if (plans.Count == 0)
        {
            throw new DocumentReadException(path, "no women's or children's development plan found in the text");
        }

        district ??= plans.Select(p => p.Issuer).FirstOrDefault(i => !string.IsNullOrEmpty(i));
        return new PlanDocument(source, district, [.. plans.Select(p => WithTargets(p, district, source))]);
    }

    private Plan WithTargets(Plan plan, string? district, string source)
    {
        Item Extract(Item item, string? domain, SectionKind kind, bool headed = true)
        {
            var targets = extractor.Extract(item, new ItemContext(district, plan.Kind, domain, kind, source, headed));
            return item with { Targets = indicators is null ? targets : indicators.Assign(targets) };
        }

        Section ExtractSection(Section section, string? domain) =>
            section with { Items = [.. section.Items.Select(i => Extract(i, domain, section.Kind, section.Heading.Length > 0))] };

        return plan with
        {
            Sections = [.. plan.Sections.Select(s => ExtractSection(s, null))],
            Domains = [.. plan.Domains.Select(d => d with { Sections = [.. d.Sections.Select(s => ExtractSection(s, d.Name))] })],
            Projects = [.. plan.Projects.Select(p => Extract(p, null, SectionKind.Project))],
        };
    }
}

public static class PlanDocumentTargets
{
    /// <summary>Every target of the document grouped as <see cref="AllItems"/> orders the items.</summary>
    public static IEnumerable<Target> AllTargets(this PlanDocument document) =>
        document.Plans.SelectMany(p => p.AllItems()).SelectMany(i => i.Targets);

    /// <summary>Every item of a plan: plan-level sections, then the domains, then the key projects.</summary>
    public static IEnumerable<Item> AllItems(this Plan plan) =>
        plan.Sections.SelectMany(s => s.Items)
            .Concat(plan.Domains.SelectMany(d => d.Sections).SelectMany(s => s.Items))
            .Concat(plan.Projects);
}
