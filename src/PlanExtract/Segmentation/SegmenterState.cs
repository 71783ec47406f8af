using PlanExtract.Model;
using PlanExtract.Segmentation.Rules;

namespace PlanExtract.Segmentation;

/// <summary>The segmenter's cursor: the plan, part, domain, section and item being filled.</summary>
internal sealed class SegmenterState(string source)
{
    private readonly List<(Plan Plan, bool HasContent)> _plans = [];
    private PlanBuilder? _plan;
    private PartKind _part;
    private DomainBuilder? _domain;
    private SectionBuilder? _section;
    private ItemBuilder? _project;
    private bool _ended;

    public void StartPlan(PlanKind kind, string issuer, string title, PlanLine line, bool combined = false)
    {
        FinishPlan();
        _plan = new PlanBuilder(kind, issuer, title.Replace(" ", string.Empty, StringComparison.Ordinal), line, source) { Combined = combined };
        _part = PartKind.Preamble;
        _ended = false;
    }

    /// <summary>A plan with no title line, read from the first line on (the text is a page cut from a plan).</summary>
    public void StartUntitledPlan(PlanKind kind, PlanLine line, string title = "", string issuer = "")
    {
        FinishPlan();
        _plan = new PlanBuilder(kind, issuer, title, line, source) { FromFirstLine = true };
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

        if (SectionHeadingRule.Recognize(line) is { } heading)
        {
            StartSection(heading.Kind, heading.Heading, line);
        }
        else if (PartHeadingRule.Recognize(line) is { } part)
        {
            if (DomainNameRule.Recognize(part.Title) is { } name)
            {
                EnterDomain(name, line);
            }
            else
            {
                StartPart(part.Title, line);
            }
        }
        else if (SubHeadingRule.Recognize(line) is { } sub)
        {
            if (sub.Body.Length == 0 && _part != PartKind.Projects && DomainNameRule.Recognize(sub.Title) is { } name)
            {
                EnterDomain(name, line);
            }
            else
            {
                AcceptSubHeading(sub, line);
            }
        }
        else if (ItemNumberRule.Recognize(line) is { } numbered && DomainNameRule.Recognize(numbered.Rest) is { } numberedDomain)
        {
            // "1. 妇女与健康": a domain numbered like an item.
            EnterDomain(numberedDomain, line);
        }
        else if (ItemNumberRule.Recognize(line) is { } item && AcceptsNumber(item.Number))
        {
            StartItem(item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Rest, line);
        }
        else if (!line.Continues && DomainNameRule.Recognize(line.Text) is { } bareDomain)
        {
            EnterDomain(bareDomain, line);
        }
        else if (BulletRule.Recognize(line) is { } bullet && _part != PartKind.Projects)
        {
            StartBullet(bullet, line);
        }
        else
        {
            AcceptText(line.Text, line);
        }
    }

    public IReadOnlyList<Plan> Finish()
    {
        FinishPlan();

        // A titled plan with nothing under it is kept only when its kind has no fuller plan: the
        // page heading "儿童发展纲要" above the real title, a contents line, a repeated title.
        var kept = new List<Plan>();
        for (var i = 0; i < _plans.Count; i++)
        {
            var (plan, hasContent) = _plans[i];
            var fuller = _plans.Any(p => p.HasContent && p.Plan.Kind == plan.Kind);
            var later = _plans.Skip(i + 1).Any(p => p.Plan.Kind == plan.Kind);
            if (hasContent || (!fuller && !later))
            {
                kept.Add(plan);
            }
        }

        return kept;
    }

    private void StartPart(string title, PlanLine line)
    {
        CloseSection();
        _domain = null;
        _project = null;
        var folded = Text.CharFold.ToSimplified(title);
        _part = folded.Contains("领域", StringComparison.Ordinal) || (folded.Contains("目标", StringComparison.Ordinal) && folded.Contains("措施", StringComparison.Ordinal))
                ? PartKind.Domains
            : folded.Contains("重点工程", StringComparison.Ordinal) || folded.Contains("重点项目", StringComparison.Ordinal) || folded.Contains("重点任务", StringComparison.Ordinal)
                ? PartKind.Projects
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
                _domain = _plan!.AddDomain(Text.CharFold.ToSimplified(sub.Title.TrimEnd('。', '.', '：', ':').Trim()), line);
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

    /// <summary>主要目标/策略措施: a section of the domain, or of the plan when no domain has begun.</summary>
    private void StartSection(SectionKind kind, string heading, PlanLine line)
    {
        CloseSection();
        if (_part != PartKind.Domains)
        {
            _domain = null;
            _project = null;
        }

        _section = new SectionBuilder(kind, heading, line, source);
    }

    /// <summary>A domain heading, wherever it stands: the part heading before it may be missing.</summary>
    private void EnterDomain(string name, PlanLine line)
    {
        CloseSection();
        _project = null;
        if (_plan!.Combined && _plan.Kind == PlanKind.Women && DomainNameRule.IsChildren(name))
        {
            // 妇女儿童发展规划: the children's domains begin the second plan under the same title.
            var women = _plan;
            FinishPlan();
            _plan = new PlanBuilder(PlanKind.Children, women.Issuer, women.Title, line, source) { Combined = true };
        }

        _part = PartKind.Domains;
        _domain = _plan.AddDomain(name, line);
    }

    private void StartBullet(string text, PlanLine line)
    {
        EnsureSection(line);
        var section = _section!;
        if (section.IsNumbered)
        {
            // A dash under a numbered item ("——") elaborates it.
            section.Current!.Append(line.Text, line);
            return;
        }

        var item = new ItemBuilder((section.Items.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), line, source);
        item.Append(text, line);
        section.Items.Add(item);
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
            // A count starts at 1, except on a page cut from the middle of a plan ("4.为儿童成长
            //提供良好的家庭环境。" on page 8 of a law-database copy): before any heading, any number starts it.
            return number <= 2 || (_part == PartKind.Preamble && _domain is null);
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
        if (current is not null && (section.IsNumbered || !current.EndsSentence || current.IsEmpty || line.Continues))
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

        // Items no heading stands over (a page cut from a plan, a domain without 主要目标) get no
        // heading: section "other", but their targets are read (issue 11, graceful fallback).
        _section = _part == PartKind.Preamble
            ? (_plan!.FromFirstLine ? new SectionBuilder(SectionKind.Other, string.Empty, line, source) : new SectionBuilder(SectionKind.Other, "前言", line, source) { IsPreface = true })
            : new SectionBuilder(SectionKind.Other, _part == PartKind.Domains ? string.Empty : _domain?.Name ?? string.Empty, line, source);
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
        if (_plan is not null)
        {
            // A preface alone is not a plan's content: "儿童发展纲要" as a page heading has a line under it too.
            var hasContent = _plan.Domains.Count > 0 || _plan.Projects.Count > 0 || _plan.Sections.Any(s => !s.IsPreface && s.Items.Any(i => !i.IsEmpty));
            if (hasContent || _plan.Title.Length > 0 || _plan.FromFirstLine)
            {
                _plans.Add((_plan.Build(), hasContent));
            }
        }

        _plan = null;
        _domain = null;
        _project = null;
    }

    private static SectionKind KindOfPlanSection(string title)
    {
        var simplified = Text.CharFold.ToSimplified(title);
        return simplified.Contains("总体目标", StringComparison.Ordinal) || simplified.Contains("主要目标", StringComparison.Ordinal) || simplified.Contains("总目标", StringComparison.Ordinal) ? SectionKind.Goal
            : simplified.Contains("策略措施", StringComparison.Ordinal) ? SectionKind.Measure
            : SectionKind.Other;
    }
}

internal sealed class DomainBuilder(string name, PlanLine line, string source)
{
    public string Name { get; } = name;

    public List<SectionBuilder> Sections { get; } = [];

    public Domain Build() => new(Name, new SourceSpan(source, line.Line, line.Page), [.. Sections.Select(s => s.Build())]);
}

internal sealed class PlanBuilder(PlanKind kind, string issuer, string title, PlanLine line, string source)
{
    public PlanKind Kind => kind;

    public string Issuer => issuer;

    public string Title => title;

    /// <summary>A text without a title read from its first line: what comes before a heading is the plan's, not a preface.</summary>
    public bool FromFirstLine { get; init; }

    /// <summary>Read from a 妇女儿童发展规划 title: the children's domains start a second plan.</summary>
    public bool Combined { get; init; }

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
