namespace Agents.Memory.Retrieval;

/// <summary>
/// Keeps the k best (score, index) pairs seen so far in a binary min-heap: higher score is better, and on equal
/// scores the lower index is better, so the selection is deterministic. Allocation-free over caller buffers.
/// </summary>
internal ref struct TopKSelector
{
    private readonly Span<int> indices;
    private readonly Span<double> scores;
    private int count;

    public TopKSelector(Span<int> indices, Span<double> scores)
    {
        this.indices = indices;
        this.scores = scores;
        count = 0;
    }

    public readonly int Count => count;

    /// <summary>True once k pairs are kept: a later index must then score above <see cref="WorstScore"/> to enter.</summary>
    public readonly bool IsFull => count == indices.Length;

    /// <summary>The lowest kept score (meaningful when <see cref="IsFull"/>).</summary>
    public readonly double WorstScore => scores[0];

    public void Offer(int index, double score)
    {
        if (count < indices.Length)
        {
            int i = count++;
            indices[i] = index;
            scores[i] = score;
            SiftUp(i);
            return;
        }

        if (indices.Length == 0 || !Better(score, index, scores[0], indices[0]))
        {
            return;
        }

        indices[0] = index;
        scores[0] = score;
        SiftDown(0);
    }

    /// <summary>Sorts the kept pairs best first and returns how many there are.</summary>
    public readonly int SortBestFirst()
    {
        // Heap order is worst-first at the root; a plain insertion sort is enough for k of a few dozen.
        for (int i = 1; i < count; i++)
        {
            int index = indices[i];
            double score = scores[i];
            int j = i - 1;
            while (j >= 0 && Better(score, index, scores[j], indices[j]))
            {
                indices[j + 1] = indices[j];
                scores[j + 1] = scores[j];
                j--;
            }

            indices[j + 1] = index;
            scores[j + 1] = score;
        }

        return count;
    }

    private static bool Better(double score, int index, double otherScore, int otherIndex) =>
        score > otherScore || (score == otherScore && index < otherIndex);

    private readonly void SiftUp(int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Better(scores[parent], indices[parent], scores[i], indices[i]))
            {
                break;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private readonly void SiftDown(int i)
    {
        while (true)
        {
            int left = (2 * i) + 1;
            if (left >= count)
            {
                return;
            }

            int worst = left;
            int right = left + 1;
            if (right < count && Better(scores[left], indices[left], scores[right], indices[right]))
            {
                worst = right;
            }

            if (!Better(scores[i], indices[i], scores[worst], indices[worst]))
            {
                return;
            }

            Swap(i, worst);
            i = worst;
        }
    }

    private readonly void Swap(int a, int b)
    {
        (indices[a], indices[b]) = (indices[b], indices[a]);
        (scores[a], scores[b]) = (scores[b], scores[a]);
    }
}
