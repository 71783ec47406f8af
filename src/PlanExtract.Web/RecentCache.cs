namespace PlanExtract.Web;

/// <summary>
/// At most <c>capacity</c> values, the least recently used dropped first: what a page reads on
/// demand (a whole document, a filtered table) is kept for the next request without the cache
/// growing to the whole country.
/// </summary>
public sealed class RecentCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _nodes = [];
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>The kept value, or a new one made outside the lock (two requests may both make it; one is kept).</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> make)
    {
        lock (_lock)
        {
            if (_nodes.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value.Value;
            }
        }

        var value = make(key);
        lock (_lock)
        {
            if (_nodes.TryGetValue(key, out var node))
            {
                return node.Value.Value;
            }

            _nodes[key] = _order.AddFirst((key, value));
            while (_nodes.Count > capacity)
            {
                _nodes.Remove(_order.Last!.Value.Key);
                _order.RemoveLast();
            }

            return value;
        }
    }
}
