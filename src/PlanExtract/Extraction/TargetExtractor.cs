using PlanExtract.Extraction.Rules;
using PlanExtract.Model;

namespace PlanExtract.Extraction;

/// <summary>
/// Runs the target rules, in order, over each sentence of an item. The first rule to claim a
/// value keeps it. Sections that state no commitments (前言, 指导思想, 组织实施, 监测评估) are
/// skipped, and so are sentences about the past (从2010年的4.09‰下降到2.70‰, 截至2020年).
/// </summary>
public sealed class TargetExtractor(IReadOnlyList<ITargetRule> rules) : ITargetExtractor
{
    public TargetExtractor()
        : this(DefaultRules)
    {
    }

    /// <summary>The grammar, most specific first. A new form is one new rule registered here.</summary>
    public static IReadOnlyList<ITargetRule> DefaultRules { get; } =
    [
        new RelativeChangeRule(),
        new PopulationShareRule(),
        new ServiceRadiusRule(),
        new StaffingNormRule(),
        new PerCapitaRule(),
        new MembersInBodyRule(),
        new CountedThingsRule(),
        new ValueTargetRule(),
        new DirectionRule(),
    ];

    public IReadOnlyList<Target> Extract(Item item, ItemContext context) =>
        [.. Find(item, context).Select(f => f.Target)];

    /// <summary>
    /// The targets of an item with the clause and the rule's find behind each: what the number audit
    /// needs to tell which number became which target.
    /// </summary>
    public IReadOnlyList<FoundTarget> Find(Item item, ItemContext context)
    {
        if (context.Section == SectionKind.Other && context.Headed)
        {
            return [];
        }

        var found = new List<FoundTarget>();
        foreach (var clause in ClauseSplitter.Split(item.Text))
        {
            if (IsPastStatement(clause))
            {
                continue;
            }

            // A value belongs to the first rule that reads it; that rule may give it several records (coordinated names).
            // Made at the clause's first target: most clauses have none.
            Dictionary<int, ITargetRule>? owners = null;
            foreach (var rule in rules)
            {
                foreach (var match in rule.Match(clause))
                {
                    if (owners is not null && owners.TryGetValue(match.Anchor, out var owner) && !ReferenceEquals(owner, rule))
                    {
                        continue;
                    }

                    var candidate = match;
                    if (candidate.Indicator.Length == 0)
                    {
                        // 到2025年，儿童之家覆盖率达到95%以上；到2030年达到100%: the item's last indicator.
                        if (found.Count == 0)
                        {
                            continue;
                        }

                        candidate = candidate with { Indicator = found[^1].Target.Indicator, Population = found[^1].Target.Population };
                    }

                    candidate = candidate with { Indicator = IndicatorSubject.Complete(candidate.Indicator, clause, candidate.TextStart, item) };
                    (owners ??= [])[match.Anchor] = rule;
                    found.Add(new FoundTarget(ToRecord(item, context, clause, candidate), clause, candidate));
                }
            }
        }

        return found;
    }

    /// <summary>从2010年的4.09‰下降到2.70‰, 截至2020年…: a sentence about the past states no commitment.</summary>
    public static bool IsPastStatement(Clause clause) => PastStatement.Reports(clause);

    private static Target ToRecord(Item item, ItemContext context, Clause clause, TargetCandidate found)
    {
        var line = LineOf(item, clause.Offset + found.Anchor);
        return new Target
        {
            District = context.District,
            Plan = context.Plan.ToContractName(),
            Domain = context.Domain,
            Section = context.Section.ToContractName(),
            Item = item.Number,
            Indicator = found.Indicator,
            Comparator = found.Comparator,
            Value = found.Value,
            Unit = found.Unit,
            Year = found.Value is null ? clause.Year : clause.YearAt(found.Anchor),
            Basis = found.Basis,
            Population = string.IsNullOrWhiteSpace(found.Population) ? null : found.Population,
            Text = clause.Text[Math.Min(found.TextStart, found.Anchor)..Math.Max(found.TextEnd, Math.Min(found.Anchor + 1, clause.Text.Length))].Trim(),
            Source = context.Source,
            Line = line.Line,
            Page = line.Page,
        };
    }

    /// <summary>The source line (and page) holding the character at <paramref name="offset"/> of the item text.</summary>
    public static ItemLine LineOf(Item item, int offset)
    {
        var found = item.Lines.Count > 0 ? item.Lines[0] : new ItemLine(0, item.Span.Line, item.Span.Page);
        foreach (var line in item.Lines)
        {
            if (line.Offset > offset)
            {
                break;
            }

            found = line;
        }

        return found;
    }
}
