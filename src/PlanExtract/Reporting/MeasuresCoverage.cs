using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Reporting;

/// <summary>A district's measure item: its number, its heading sentence and where it is written.</summary>
public sealed record MeasureRef(string Number, string Heading, string FilePath, int? Line, int? Page)
{
    public string Anchor => Line is { } line ? $"#L{line}" : Page is { } page ? $"#page={page}" : string.Empty;
}

/// <summary>Measures of several districts that say the same thing: one per district at most.</summary>
public sealed record AlignedMeasure(string Heading, IReadOnlyList<MeasureRef?> Cells)
{
    public int Districts => Cells.Count(c => c is not null);
}

public sealed record MeasureDomain(string Domain, IReadOnlyList<AlignedMeasure> Rows, IReadOnlyList<int> Counts);

public sealed record MeasuresTable(PlanKind Plan, IReadOnlyList<DistrictColumn> Districts, IReadOnlyList<MeasureDomain> Domains)
{
    public string Title => Plan == PlanKind.Women ? "妇女发展规划" : "儿童发展规划";
}

/// <summary>
/// Aligns the 策略措施 items of the districts' plans by their heading sentence (the text up to the
/// first 。, "保障孕产妇安全分娩。"). The plans follow one national template, so most headings
/// repeat nearly word for word; a heading close to nothing elsewhere is what that district added.
/// </summary>
public static class MeasuresCoverage
{
    /// <summary>
    /// Bigram Dice two headings must reach to be one measure. Read off the corpus: the template's
    /// headings reworded by a district ("完善保障妇女健康的制度机制" / "完善保障妇女健康的政策机制")
    /// score 0.6 and more; different measures of one domain stay below 0.45.
    /// </summary>
    public const double Threshold = 0.5;

    public static MeasuresTable Build(IReadOnlyList<DocumentResult> results, PlanKind plan)
    {
        var withPlan = results.Where(r => r.Plans is not null && r.Plans.Plans.Any(p => p.Kind == plan)).ToList();
        var columns = CrossTableBuilder.Columns(results, plan);
        var domainOrder = withPlan.SelectMany(r => r.Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.Domains).Select(d => d.Name))
            .Distinct(StringComparer.Ordinal).ToList();
        // One pass over the plans files every measure item under its domain and district, in the
        // order each district writes them, rather than a pass over every plan per domain.
        var perDomain = domainOrder.ToDictionary(d => d, _ => withPlan.Select(_ => new List<MeasureRef>()).ToList(), StringComparer.Ordinal);
        for (var c = 0; c < withPlan.Count; c++)
        {
            var file = withPlan[c].Document.FilePath;
            foreach (var d in withPlan[c].Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.Domains))
            {
                var measures = perDomain[d.Name][c];
                foreach (var i in d.Sections.Where(s => s.Kind == SectionKind.Measure).SelectMany(s => s.Items))
                {
                    measures.Add(new MeasureRef(i.Number, Heading(i.Text), file, i.Span.Line, i.Span.Page));
                }
            }
        }

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var domains = new List<MeasureDomain>();
        foreach (var domain in domainOrder)
        {
            var perDistrict = perDomain[domain];
            var clusters = Align(perDistrict, keys);
            domains.Add(new MeasureDomain(domain, clusters, [.. perDistrict.Select(m => m.Count)]));
        }

        return new MeasuresTable(plan, columns, domains);
    }

    /// <summary>The heading sentence: up to the first 。 (or ；), without it.</summary>
    public static string Heading(string text)
    {
        var end = text.AsSpan().IndexOfAny('。', '；');
        var heading = end < 0 ? text : text[..end];
        return heading.Trim();
    }

    public static double Score(string a, string b) => Similarity.Dice(Key(a), Key(b));

    private static string CachedKey(string heading, Dictionary<string, string> keyOf)
    {
        if (!keyOf.TryGetValue(heading, out var key))
        {
            key = Key(heading);
            keyOf.Add(heading, key);
        }

        return key;
    }

    private static string Key(string heading) =>
        new([.. CharFold.Fold(heading).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))]);

    /// <summary>
    /// District by district, each measure joins the best-scoring row that has none of its district
    /// yet, best pairs first, so an early weak pairing never takes a later exact one's place. A row
    /// scores the best of its members' headings.
    /// </summary>
    /// <remarks>
    /// The same result as scoring every measure against every member of every row, without doing
    /// so; see <see cref="HeadingKeys"/>.
    /// </remarks>
    internal static List<AlignedMeasure> Align(IReadOnlyList<List<MeasureRef>> perDistrict) => Align(perDistrict, new(StringComparer.Ordinal));

    /// <param name="keyOf">Heading to key, kept across calls: most headings repeat the template word for word.</param>
    private static List<AlignedMeasure> Align(IReadOnlyList<List<MeasureRef>> perDistrict, Dictionary<string, string> keyOf)
    {
        var headingKeys = perDistrict.Select(d => d.Select(m => CachedKey(m.Heading, keyOf)).ToList()).ToList();
        var keys = new HeadingKeys(headingKeys.SelectMany(k => k));
        var rows = new List<MeasureRef?[]>();
        var best = new Dictionary<int, double>();
        for (var c = 0; c < perDistrict.Count; c++)
        {
            var measures = perDistrict[c];
            var ids = headingKeys[c].Select(keys.Id).ToList();
            var pairs = new List<(double Score, int Measure, int Row)>();
            for (var m = 0; m < measures.Count; m++)
            {
                best.Clear();
                foreach (var (rowsOf, score) in keys.Matches(ids[m]))
                {
                    foreach (var r in rowsOf)
                    {
                        if (!best.TryGetValue(r, out var held) || score > held)
                        {
                            best[r] = score;
                        }
                    }
                }

                foreach (var (r, score) in best)
                {
                    pairs.Add((score, m, r));
                }
            }

            var placed = new HashSet<int>();
            pairs.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Measure != y.Measure ? x.Measure.CompareTo(y.Measure) : x.Row.CompareTo(y.Row));
            foreach (var (_, m, r) in pairs)
            {
                if (!placed.Contains(m) && rows[r][c] is null)
                {
                    rows[r][c] = measures[m];
                    keys.AddToRow(ids[m], r);
                    placed.Add(m);
                }
            }

            for (var m = 0; m < measures.Count; m++)
            {
                if (!placed.Contains(m))
                {
                    var row = new MeasureRef?[perDistrict.Count];
                    row[c] = measures[m];
                    keys.AddToRow(ids[m], rows.Count);
                    rows.Add(row);
                }
            }
        }

        return [.. rows.Select(r => new AlignedMeasure(r.First(x => x is not null)!.Heading, r))];
    }

    /// <summary>
    /// The distinct heading keys of one domain's alignment, and for each the rows holding it, so a
    /// measure is scored against the distinct headings it could match rather than every member of
    /// every row.
    /// </summary>
    /// <remarks>
    /// Two keys of Dice ≥ 0.5 share a bigram (or are the same single character), so candidates come
    /// from bigram postings. Bigrams are split once, by how many distinct keys hold them, into common
    /// ones (the template's words) and rare ones (a district's name: 法治清远建设). Keys with the same
    /// common bigrams and length form a group, and against a key that shares none of their rare
    /// bigrams every member of a group scores the same, worked out once per group. Keys sharing a
    /// rare bigram are scored each, exactly; a row takes the best of both, which is the best of its
    /// members. So headings that differ only by a place name cost one group, not one comparison
    /// per district, and each key reads each posting once however often it is looked up.
    /// </remarks>
    private sealed class HeadingKeys
    {
        private readonly HashSet<(char, char)> _common = [];
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<Entry> _entries = [];
        private readonly Dictionary<(string Profile, int Length), int> _groupIds = [];
        private readonly List<Group> _groups = [];
        private readonly Dictionary<(char, char), List<(int Group, int Count)>> _commonPostings = [];
        private readonly Dictionary<(char, char), List<(int Key, int Count)>> _rarePostings = [];
        private readonly Dictionary<int, int> _sharedCommon = [];
        private readonly Dictionary<int, int> _sharedRare = [];

        // Bumped whenever a posting grows: a key probed since has nothing new to read.
        private int _version;

        public HeadingKeys(IEnumerable<string> allKeys)
        {
            var frequency = new Dictionary<(char, char), int>();
            var distinct = 0;
            foreach (var key in allKeys.Distinct(StringComparer.Ordinal))
            {
                distinct++;
                foreach (var pair in Bigrams(key).Keys)
                {
                    frequency[pair] = frequency.GetValueOrDefault(pair) + 1;
                }
            }

            // Only how much work is saved depends on this line, never the result.
            var cutoff = Math.Max(8, distinct / 16);
            _common.UnionWith(frequency.Where(f => f.Value > cutoff).Select(f => f.Key));
        }

        public int Id(string key)
        {
            if (!_ids.TryGetValue(key, out var id))
            {
                id = _entries.Count;
                _ids.Add(key, id);
                var bigrams = Bigrams(key);
                var profile = string.Concat(bigrams.Where(b => _common.Contains(b.Key)).OrderBy(b => b.Key)
                    .Select(b => $"{b.Key.Item1}{b.Key.Item2}{b.Value};"));
                if (!_groupIds.TryGetValue((profile, key.Length), out var group))
                {
                    group = _groups.Count;
                    _groupIds.Add((profile, key.Length), group);
                    _groups.Add(new Group(key.Length, [.. bigrams.Where(b => _common.Contains(b.Key)).Select(b => (b.Key, b.Value))]));
                }

                _entries.Add(new Entry(key, bigrams, group));
            }

            return id;
        }

        public void AddToRow(int id, int row)
        {
            var entry = _entries[id];
            var group = _groups[entry.Group];
            if (entry.Rows.Count == 0)
            {
                foreach (var (pair, count) in entry.Bigrams)
                {
                    if (!_common.Contains(pair))
                    {
                        Posting(_rarePostings, pair).Add((id, count));
                        _version++;
                    }
                }
            }

            if (group.Rows.Count == 0)
            {
                foreach (var (pair, count) in group.Profile)
                {
                    Posting(_commonPostings, pair).Add((entry.Group, count));
                    _version++;
                }
            }

            AddSorted(entry.Rows, row);
            AddSorted(group.Rows, row);
        }

        /// <summary>
        /// The rows holding a key that scores at least the threshold with this one, with that score.
        /// A row may come more than once; its best score is what counts.
        /// </summary>
        public IEnumerable<(IReadOnlyList<int> Rows, double Score)> Matches(int id)
        {
            var entry = _entries[id];
            if (entry.Key.Length == 1)
            {
                // A one-character heading is like only itself.
                if (entry.Rows.Count > 0)
                {
                    yield return (entry.Rows, 1);
                }

                yield break;
            }

            if (entry.ProbedAt != _version)
            {
                Probe(entry);
            }

            foreach (var (group, score) in entry.GroupMatches)
            {
                yield return (_groups[group].Rows, score);
            }

            foreach (var (key, score) in entry.KeyMatches)
            {
                yield return (_entries[key].Rows, score);
            }
        }

        // Reads what the postings gained since this key last looked: new groups through its common
        // bigrams, new keys through its rare ones.
        private void Probe(Entry entry)
        {
            _sharedCommon.Clear();
            _sharedRare.Clear();
            foreach (var (pair, count) in entry.Bigrams)
            {
                var common = _common.Contains(pair);
                if (common && _commonPostings.TryGetValue(pair, out var groups))
                {
                    for (var i = entry.Read.GetValueOrDefault(pair); i < groups.Count; i++)
                    {
                        _sharedCommon[groups[i].Group] = _sharedCommon.GetValueOrDefault(groups[i].Group) + Math.Min(count, groups[i].Count);
                    }

                    entry.Read[pair] = groups.Count;
                }
                else if (!common && _rarePostings.TryGetValue(pair, out var keys))
                {
                    for (var i = entry.Read.GetValueOrDefault(pair); i < keys.Count; i++)
                    {
                        _sharedRare[keys[i].Key] = _sharedRare.GetValueOrDefault(keys[i].Key) + Math.Min(count, keys[i].Count);
                    }

                    entry.Read[pair] = keys.Count;
                }
            }

            foreach (var (group, shared) in _sharedCommon)
            {
                entry.SharedCommon[group] = shared;
                var score = Dice(shared, entry.Key.Length, _groups[group].Length);
                if (score >= Threshold)
                {
                    entry.GroupMatches.Add((group, score));
                }
            }

            foreach (var (key, shared) in _sharedRare)
            {
                var other = _entries[key];
                var score = Dice(entry.SharedCommon.GetValueOrDefault(other.Group) + shared, entry.Key.Length, other.Key.Length);
                if (score >= Threshold)
                {
                    entry.KeyMatches.Add((key, score));
                }
            }

            entry.ProbedAt = _version;
        }

        // Similarity.Dice's arithmetic on the shared bigram count, so the same scores to the bit.
        private static double Dice(int shared, int a, int b) => a < 2 || b < 2 ? 0 : 2.0 * shared / (a - 1 + b - 1);

        // A set of rows kept as a sorted list: small, read far more often than written.
        private static void AddSorted(List<int> rows, int row)
        {
            var at = rows.BinarySearch(row);
            if (at < 0)
            {
                rows.Insert(~at, row);
            }
        }

        private static List<T> Posting<T>(Dictionary<(char, char), List<T>> postings, (char, char) pair)
        {
            if (!postings.TryGetValue(pair, out var list))
            {
                postings.Add(pair, list = []);
            }

            return list;
        }

        private static Dictionary<(char, char), int> Bigrams(string s)
        {
            var counts = new Dictionary<(char, char), int>();
            for (var i = 0; i + 1 < s.Length; i++)
            {
                var pair = (s[i], s[i + 1]);
                counts[pair] = counts.GetValueOrDefault(pair) + 1;
            }

            return counts;
        }

        private sealed class Entry(string key, Dictionary<(char, char), int> bigrams, int group)
        {
            public string Key { get; } = key;

            public Dictionary<(char, char), int> Bigrams { get; } = bigrams;

            public int Group { get; } = group;

            public List<int> Rows { get; } = [];

            public int ProbedAt { get; set; } = -1;

            public Dictionary<(char, char), int> Read { get; } = [];

            public Dictionary<int, int> SharedCommon { get; } = [];

            public List<(int Group, double Score)> GroupMatches { get; } = [];

            public List<(int Key, double Score)> KeyMatches { get; } = [];
        }

        private sealed class Group(int length, List<((char, char) Pair, int Count)> profile)
        {
            public int Length { get; } = length;

            public List<((char, char) Pair, int Count)> Profile { get; } = profile;

            public List<int> Rows { get; } = [];
        }
    }
}
