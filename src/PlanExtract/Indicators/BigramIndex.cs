namespace PlanExtract.Indicators;

/// <summary>
/// Keys (headings, names) filed under the rows that hold them, answering "which rows hold a key of
/// bigram Dice at least the threshold with this one" without scoring every member of every row.
/// The measures table aligns its headings with it (MeasuresCoverage).
/// </summary>
/// <remarks>
/// Two keys of a Dice score above zero share a bigram (or are the same single character), so candidates come
/// from bigram postings. Bigrams are split once, by how many distinct keys hold them, into common
/// ones (the template's words) and rare ones (a district's name: 法治清远建设). Keys with the same
/// common bigrams and length form a group, and against a key that shares none of their rare
/// bigrams every member of a group scores the same, worked out once per group. Keys sharing a
/// rare bigram are scored each, exactly; a row takes the best of both, which is the best of its
/// members. So headings that differ only by a place name cost one group, not one comparison
/// per district, and each key reads each posting once however often it is looked up.
/// </remarks>
public sealed class BigramIndex
{
    private readonly double _threshold;
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

    /// <param name="allKeys">Every key that will be looked up or added, to tell common bigrams from rare ones.</param>
    /// <param name="threshold">The Dice score a key must reach to match.</param>
    public BigramIndex(IEnumerable<string> allKeys, double threshold)
    {
        _threshold = threshold;
        var frequency = new Dictionary<(char, char), int>();
        var distinct = 0;
        foreach (var key in allKeys.Distinct(StringComparer.Ordinal))
        {
            distinct++;
            foreach (var pair in Similarity.Bigrams(key).Keys)
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
            var bigrams = Similarity.Bigrams(key);
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
            var score = Similarity.Dice(shared, entry.Key.Length, _groups[group].Length);
            if (score >= _threshold)
            {
                entry.GroupMatches.Add((group, score));
            }
        }

        foreach (var (key, shared) in _sharedRare)
        {
            var other = _entries[key];
            var score = Similarity.Dice(entry.SharedCommon.GetValueOrDefault(other.Group) + shared, entry.Key.Length, other.Key.Length);
            if (score >= _threshold)
            {
                entry.KeyMatches.Add((key, score));
            }
        }

        entry.ProbedAt = _version;
    }

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
