namespace Agents.World.Map;

/// <summary>
/// A binary min-heap of tiles for A*: ordered by estimated total cost, then by larger cost so far (deeper nodes
/// first, which expands fewer ties), then by tile index, so every search is deterministic.
/// </summary>
internal sealed class NodeHeap
{
    private long[] _keys;
    private int[] _nodes;

    public NodeHeap(int capacity)
    {
        _keys = new long[capacity];
        _nodes = new int[capacity];
    }

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(int node, int estimate, int cost)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _nodes, Count * 2);
        }

        long key = ((long)estimate << 32) | (uint)(int.MaxValue - cost);
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(key, node, _keys[parent], _nodes[parent]))
            {
                break;
            }

            _keys[i] = _keys[parent];
            _nodes[i] = _nodes[parent];
            i = parent;
        }

        _keys[i] = key;
        _nodes[i] = node;
    }

    /// <summary>Removes the first node; <paramref name="cost"/> is the cost it was pushed with.</summary>
    public int Pop(out int cost)
    {
        int top = _nodes[0];
        cost = int.MaxValue - (int)(uint)_keys[0];
        int n = --Count;
        if (n > 0)
        {
            long key = _keys[n];
            int node = _nodes[n];
            int i = 0;
            while (true)
            {
                int child = (2 * i) + 1;
                if (child >= n)
                {
                    break;
                }

                if (child + 1 < n && Less(_keys[child + 1], _nodes[child + 1], _keys[child], _nodes[child]))
                {
                    child++;
                }

                if (!Less(_keys[child], _nodes[child], key, node))
                {
                    break;
                }

                _keys[i] = _keys[child];
                _nodes[i] = _nodes[child];
                i = child;
            }

            _keys[i] = key;
            _nodes[i] = node;
        }

        return top;
    }

    private static bool Less(long keyA, int nodeA, long keyB, int nodeB) => keyA < keyB || (keyA == keyB && nodeA < nodeB);
}
