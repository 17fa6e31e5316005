using Agents.Decisions;
using Agents.Memory;

namespace Agents.Cognition;

/// <summary>What of its memory an agent sees in a prompt: retrieval without repeats, plus recent news.</summary>
public sealed partial class CognitiveBehavior
{
    /// <summary>
    /// Retrieves at most <paramref name="k"/> memories for a prompt: the best-ranked ones, each observation once (not
    /// again as its "(continuing)" or "(finishing)" variant), and up to <paramref name="news"/> of them the most
    /// important recent memories not already among them. Records the access times the retrieval overwrites. Most
    /// important first.
    /// </summary>
    private List<MemoryRecord> Recall(int i, string query, int k, int news = 2)
    {
        var town = _town!;
        var stream = Stream(i);
        if (stream.Count == 0 || k <= 0)
        {
            return [];
        }

        var now = town.Clock.Now;
        var embedding = _embedder.Embed(query);
        var ranked = stream.Rank(embedding, now, _retrieval, 4 * k);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new HashSet<long>();
        var used = 0;
        void TakeRanked(int until)
        {
            for (; used < ranked.Count && chosen.Count < until; used++)
            {
                if (keys.Add(Gist(ranked[used].Memory.Text)))
                {
                    chosen.Add(ranked[used].Memory.Id);
                }
            }
        }

        TakeRanked(k - news);
        var fresh = new List<MemoryRecord>();
        if (news > 0)
        {
            // News on different topics: one that mostly repeats the words of a memory already shown adds nothing.
            var shown = ranked.Take(used).Where(r => chosen.Contains(r.Memory.Id)).Select(r => TextWords.Of(r.Memory.Text)).ToList();
            var recent = stream.Latest(300).Where(m => m.Importance >= NewsImportance).OrderByDescending(m => m.Importance).ThenByDescending(m => m.Id);
            foreach (var memory in recent)
            {
                if (fresh.Count >= news)
                {
                    break;
                }

                var words = TextWords.Of(memory.Text);
                if (!chosen.Contains(memory.Id) && !shown.Any(s => Similar(s, words)) && keys.Add(Gist(memory.Text)))
                {
                    fresh.Add(memory);
                    shown.Add(words);
                }
            }
        }

        TakeRanked(k - fresh.Count);
        for (var r = 0; r < used; r++)
        {
            _accesses.Note(town.Clock.Step, ranked[r].Memory.Id, ranked[r].Memory.LastAccessed);
        }

        var result = used == 0 ? [] : stream.Retrieve(embedding, now, _retrieval, used).Select(r => r.Memory).Where(m => chosen.Contains(m.Id)).ToList();
        result.AddRange(fresh);
        return [.. result.OrderByDescending(m => m.Importance).ThenByDescending(m => m.Id)];
    }

    /// <summary>The newest memories worth reflecting on (importance above 1), each observation once, oldest first.</summary>
    private List<MemoryRecord> Recent(int i, int count)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var recent = Stream(i).Latest(100).Where(m => m.Importance > 1 && keys.Add(Gist(m.Text))).Take(count).ToList();
        recent.Reverse();
        return recent;
    }

    /// <summary>True when most content words of the shorter of two texts are in the other.</summary>
    private static bool Similar(HashSet<string> a, HashSet<string> b)
    {
        var least = Math.Min(a.Count, b.Count);
        return least > 0 && a.Count(b.Contains) >= 0.6 * least;
    }

    /// <summary>A memory's text without the "(continuing)"-style note a task's later steps add: one observation's key.</summary>
    private static string Gist(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.EndsWith(')') && trimmed.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0 && trimmed.Length - open <= 20)
        {
            trimmed = trimmed[..open];
        }

        return trimmed.ToLowerInvariant();
    }

    private static IReadOnlyList<string> Lines(IEnumerable<MemoryRecord> memories) =>
        [.. memories.Select(m => MemoryLines.Format(m.Importance, m.Text))];
}
