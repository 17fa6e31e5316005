namespace Agents.World.Map;

/// <summary>A bounded least-recently-used map; thread-safe (one lock). A capacity of 0 stores nothing.</summary>
internal sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly int _capacity;
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _index;
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _order = new();
    private readonly object _gate = new();

    public LruCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _index = new Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>>(Math.Min(capacity, 1024));
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (_index.TryGetValue(key, out LinkedListNode<KeyValuePair<TKey, TValue>>? node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (_capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_index.TryGetValue(key, out LinkedListNode<KeyValuePair<TKey, TValue>>? node))
            {
                node.Value = new KeyValuePair<TKey, TValue>(key, value);
                _order.Remove(node);
                _order.AddFirst(node);
                return;
            }

            if (_index.Count >= _capacity)
            {
                LinkedListNode<KeyValuePair<TKey, TValue>> last = _order.Last!;
                _order.RemoveLast();
                _index.Remove(last.Value.Key);

                // Reuse the evicted node: a full cache then allocates nothing per insertion.
                last.Value = new KeyValuePair<TKey, TValue>(key, value);
                _order.AddFirst(last);
                _index.Add(key, last);
                return;
            }

            _index.Add(key, _order.AddFirst(new KeyValuePair<TKey, TValue>(key, value)));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _index.Clear();
            _order.Clear();
        }
    }
}
