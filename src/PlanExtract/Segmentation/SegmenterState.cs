using PlanExtract.Model;
using PlanExtract.Segmentation.Rules;

namespace PlanExtract.Segmentation;

/// <summary>The segmenter's cursor: the plan, part, domain, section and item being filled.</summary>
internal sealed class SegmenterState(string source)
{
    private readonly List<Plan> _plans = [];
    private PlanBuilder? _plan;
    private PartKind _part;
    private DomainBuilder? _domain;
    private SectionBuilder? _section;
    private ItemBuilder? _project;
    private bool _ended;

    public void StartPlan(PlanKind kind, string issuer, string title, PlanLine line)
    {
        FinishPlan();
        _plan = new PlanBuilder(kind, issuer, title.Replace(" ", string.Empty, StringComparison.Ordinal), line, source);
        _part = PartKind.Preamble;
        _ended = false;
    }

    public void Accept(PlanLine line)
    {
        if (_plan is null || _ended)
        {
            return;
        }

        if (TrailerRule.Recognize(line))
        {
            _ended = true;
            return;
        }

        if (PartHeadingRule.Recognize(line) is { } part)
        {
            StartPart(part.Title, line);
        }
        else if (_part == PartKind.Domains && SectionHeadingRule.Recognize(line) is { } heading)
        {
            StartDomainSection(heading.Kind, heading.Heading, line);
        }
        else if (SubHeadingRule.Recognize(line) is { } sub)
        {
            AcceptSubHeading(sub, line);
        }
        else if (ItemNumberRule.Recognize(line) is { } item && AcceptsNumber(item.Number))
        {
            StartItem(item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Rest, line);
        }
        else
        {
            AcceptText(line.Text, line);
        }
    }

    public IReadOnlyList<Plan> Finish()
    {
        FinishPlan();
        return _plans;
    }

    private void StartPart(string title, PlanLine line)
    {
        CloseSection();
        _domain = null;
        _project = null;
        _part = title.Contains("领域", StringComparison.Ordinal) ? PartKind.Domains
            : title.Contains("重点工程", StringComparison.Ordinal) || title.Contains("重点项目", StringComparison.Ordinal) ? PartKind.Projects
            : PartKind.Other;
        if (_part == PartKind.Other)
        {
            _section = new SectionBuilder(KindOfPlanSection(title), title, line, source);
        }
    }

    private void AcceptSubHeading(SubHeadingRule.Match sub, PlanLine line)
    {
        var number = sub.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (_part)
        {
            case PartKind.Domains:
                CloseSection();
                _domain = _plan!.AddDomain(sub.Title.TrimEnd('。', '.', '：', ':').Trim(), line);
                break;
            case PartKind.Projects:
                _project = new ItemBuilder(number, line, source);
                _project.Append(sub.Rest, line);
                _plan!.Projects.Add(_project);
                break;
            default:
                if (sub.Body.Length == 0 && sub.Title.Length <= 20)
                {
                    // "（三）总体目标。" heads a section of its own.
                    CloseSection();
                    _section = new SectionBuilder(KindOfPlanSection(sub.Title), sub.Title, line, source);
                }
                else
                {
                    EnsureSection(line);
                    StartItemIn(_section!, number, sub.Rest, line);
                }

                break;
        }
    }

    private void StartDomainSection(SectionKind kind, string heading, PlanLine line)
    {
        CloseSection();
        _section = new SectionBuilder(kind, heading, line, source);
        if (_domain is null)
        {
            _domain = _plan!.AddDomain(heading, line);
        }
    }

    /// <summary>A number continues the count (or starts it); "3." inside item 7's text is not an item.</summary>
    private bool AcceptsNumber(int number)
    {
        if (_part == PartKind.Projects)
        {
            return false;
        }

        var current = _section?.Items.LastOrDefault(i => i.Number.Length > 0 && char.IsDigit(i.Number[0]));
        if (_section is null || current is null || !_section.IsNumbered)
        {
            return number <= 2;
        }

        return int.TryParse(current.Number, out var previous) && number == previous + 1;
    }

    private void StartItem(string number, string rest, PlanLine line)
    {
        EnsureSection(line);
        StartItemIn(_section!, number, rest, line);
    }

    private void StartItemIn(SectionBuilder section, string number, string rest, PlanLine line)
    {
        if (!section.IsNumbered)
        {
            // Paragraphs before the first number were an introduction, not items.
            section.Items.Clear();
            section.IsNumbered = true;
        }

        var item = new ItemBuilder(number, line, source);
        item.Append(rest, line);
        section.Items.Add(item);
    }

    private void AcceptText(string text, PlanLine line)
    {
        if (_part == PartKind.Projects && _project is not null)
        {
            _project.Append(text, line);
            return;
        }

        EnsureSection(line);
        var section = _section!;
        var current = section.Current;
        if (current is not null && (section.IsNumbered || !current.EndsSentence || current.IsEmpty))
        {
            current.Append(text, line);
            return;
        }

        var paragraph = new ItemBuilder((section.Items.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), line, source);
        paragraph.Append(text, line);
        section.Items.Add(paragraph);
    }

    private void EnsureSection(PlanLine line)
    {
        if (_section is not null)
        {
            return;
        }

        _section = _part == PartKind.Preamble
            ? new SectionBuilder(SectionKind.Other, "前言", line, source)
            : new SectionBuilder(_part == PartKind.Domains ? SectionKind.Goal : SectionKind.Other, _domain?.Name ?? string.Empty, line, source);
    }

    private void CloseSection()
    {
        if (_section is null || _plan is null)
        {
            return;
        }

        if (_domain is not null && _part == PartKind.Domains)
        {
            _domain.Sections.Add(_section);
        }
        else if (_section.Items.Count > 0)
        {
            _plan.Sections.Add(_section);
        }

        _section = null;
    }

    private void FinishPlan()
    {
        CloseSection();
        if (_plan is not null && (_plan.Domains.Count > 0 || _plan.Projects.Count > 0))
        {
            _plans.Add(_plan.Build());
        }

        _plan = null;
        _domain = null;
        _project = null;
    }

    private static SectionKind KindOfPlanSection(string title) =>
        title.Contains("总体目标", StringComparison.Ordinal) ? SectionKind.Goal : SectionKind.Other;
}

internal sealed class DomainBuilder(string name, PlanLine line, string source)
{
    public string Name { get; } = name;

    public List<SectionBuilder> Sections { get; } = [];

    public Domain Build() => new(Name, new SourceSpan(source, line.Line, line.Page), [.. Sections.Select(s => s.Build())]);
}

internal sealed class PlanBuilder(PlanKind kind, string issuer, string title, PlanLine line, string source)
{
    public List<SectionBuilder> Sections { get; } = [];

    public List<DomainBuilder> Domains { get; } = [];

    public List<ItemBuilder> Projects { get; } = [];

    public DomainBuilder AddDomain(string name, PlanLine at)
    {
        var domain = new DomainBuilder(name, at, source);
        Domains.Add(domain);
        return domain;
    }

    public Plan Build() => new(
        kind,
        title,
        issuer.Length > 0 ? issuer : null,
        new SourceSpan(source, line.Line, line.Page),
        [.. Sections.Select(s => s.Build())],
        [.. Domains.Select(d => d.Build())],
        [.. Projects.Where(p => !p.IsEmpty).Select(p => p.Build())]);
}
