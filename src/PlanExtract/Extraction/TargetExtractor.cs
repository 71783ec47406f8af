using System.Text.RegularExpressions;
using PlanExtract.Extraction.Rules;
using PlanExtract.Model;

namespace PlanExtract.Extraction;

/// <summary>
/// Runs the target rules, in order, over each sentence of an item. The first rule to claim a
/// value keeps it. Sections that state no commitments (前言, 指导思想, 组织实施, 监测评估) are
/// skipped, and so are sentences about the past (从2010年的4.09‰下降到2.70‰, 截至2020年).
/// </summary>
public sealed partial class TargetExtractor(IReadOnlyList<ITargetRule> rules) : ITargetExtractor
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
        new PerCapitaRule(),
        new CountedThingsRule(),
        new ValueTargetRule(),
        new DirectionRule(),
    ];

    public IReadOnlyList<Target> Extract(Item item, ItemContext context)
    {
        if (context.Section == SectionKind.Other && context.Headed)
        {
            return [];
        }

        var targets = new List<Target>();
        foreach (var clause in ClauseSplitter.Split(item.Text))
        {
            if (PastStatement().IsMatch(clause.Folded))
            {
                continue;
            }

            // A value belongs to the first rule that reads it; that rule may give it several records (coordinated names).
            var owners = new Dictionary<int, ITargetRule>();
            foreach (var rule in rules)
            {
                foreach (var found in rule.Match(clause))
                {
                    if (owners.TryGetValue(found.Anchor, out var owner) && !ReferenceEquals(owner, rule))
                    {
                        continue;
                    }

                    var candidate = found;
                    if (candidate.Indicator.Length == 0)
                    {
                        // 到2025年，儿童之家覆盖率达到95%以上；到2030年达到100%: the item's last indicator.
                        if (targets.Count == 0)
                        {
                            continue;
                        }

                        candidate = candidate with { Indicator = targets[^1].Indicator, Population = targets[^1].Population };
                    }

                    owners[found.Anchor] = rule;
                    targets.Add(ToRecord(item, context, clause, candidate));
                }
            }
        }

        return targets;
    }

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
            Year = clause.Year,
            Basis = found.Basis,
            Population = found.Population,
            Text = clause.Text[Math.Min(found.TextStart, found.Anchor)..Math.Max(found.TextEnd, Math.Min(found.Anchor + 1, clause.Text.Length))].Trim(),
            Source = context.Source,
            Line = line.Line,
            Page = line.Page,
        };
    }

    private static ItemLine LineOf(Item item, int offset)
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

    [GeneratedRegex(@"从\s*20[01]\d\s*年|截至\s*20[012]\d\s*年|20[01]\d\s*年以来|比\s*20[01]\d\s*年")]
    private static partial Regex PastStatement();
}
