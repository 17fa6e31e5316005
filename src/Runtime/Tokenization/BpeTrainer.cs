using System.Text;

namespace Agents.Runtime.Tokenization;

/// <summary>
/// Trains a byte-level BPE vocabulary: the special tokens, the 256 byte symbols, then the most frequent adjacent
/// pair merged again and again within GPT-2 pre-tokenized pieces until the vocabulary is full or no pair occurs
/// twice. Deterministic: ties go to the pair of lower ids.
/// </summary>
public static class BpeTrainer
{
    /// <summary>The smallest vocabulary: the special tokens and the 256 bytes.</summary>
    public static int MinimumVocabularySize => SpecialTokens.All.Count + 256;

    /// <summary>Trains on <paramref name="texts"/> and returns the tokenizer.</summary>
    /// <param name="texts">The corpus; special-token strings in it are treated as separators.</param>
    /// <param name="vocabularySize">The vocabulary size to reach, at least <see cref="MinimumVocabularySize"/>.</param>
    /// <param name="progress">Receives the number of merges learned so far, now and then.</param>
    /// <param name="individualDigits">Split every digit into a piece of its own, so numbers are spelled digit by digit; false (the default) keeps GPT-2's runs of digits.</param>
    public static ChatTokenizer Train(IEnumerable<string> texts, int vocabularySize, IProgress<int>? progress = null, bool individualDigits = false)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, MinimumVocabularySize);

        var tokens = new List<string>(SpecialTokens.All);
        for (var b = 0; b < 256; b++)
        {
            tokens.Add(ByteLevelAlphabet.ToChar((byte)b).ToString());
        }

        var byteBase = SpecialTokens.All.Count;
        var (words, frequencies) = CountWords(texts, byteBase, GptPreTokenizer.Regex(individualDigits));
        var pairCounts = new Dictionary<long, long>();
        var pairWords = new Dictionary<long, HashSet<int>>();
        for (var w = 0; w < words.Count; w++)
        {
            AddPairs(words[w], frequencies[w], w, +1, pairCounts, pairWords, null);
        }

        var queue = new PriorityQueue<long, (long NegativeCount, long Key)>();
        foreach (var (key, count) in pairCounts)
        {
            queue.Enqueue(key, (-count, key));
        }

        var merges = new List<(string Left, string Right)>();
        var changed = new HashSet<long>();
        while (tokens.Count < vocabularySize && queue.TryDequeue(out var best, out var priority))
        {
            if (!pairCounts.TryGetValue(best, out var current) || current != -priority.NegativeCount)
            {
                continue;
            }

            if (current < 2)
            {
                break;
            }

            var left = (int)(best >> 32);
            var right = (int)(best & 0xffffffff);
            var merged = tokens.Count;
            tokens.Add(tokens[left] + tokens[right]);
            merges.Add((tokens[left], tokens[right]));
            changed.Clear();
            foreach (var w in pairWords[best].ToArray())
            {
                var word = words[w];
                if (!Contains(word, left, right))
                {
                    continue;
                }

                AddPairs(word, frequencies[w], w, -1, pairCounts, pairWords, changed);
                Merge(word, left, right, merged);
                AddPairs(word, frequencies[w], w, +1, pairCounts, pairWords, changed);
            }

            foreach (var key in changed)
            {
                queue.Enqueue(key, (-pairCounts[key], key));
            }

            if (merges.Count % 256 == 0)
            {
                progress?.Report(merges.Count);
            }
        }

        progress?.Report(merges.Count);
        return new ChatTokenizer(tokens, merges, individualDigits: individualDigits);
    }

    private static (List<List<int>> Words, List<long> Frequencies) CountWords(IEnumerable<string> texts, int byteBase, System.Text.RegularExpressions.Regex regex)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var part in text.Split(SpecialTokens.All.ToArray(), StringSplitOptions.None))
            {
                foreach (var match in regex.EnumerateMatches(part))
                {
                    var piece = part.Substring(match.Index, match.Length);
                    counts[piece] = counts.GetValueOrDefault(piece) + 1;
                }
            }
        }

        var words = new List<List<int>>(counts.Count);
        var frequencies = new List<long>(counts.Count);
        foreach (var (piece, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            words.Add(Encoding.UTF8.GetBytes(piece).Select(b => byteBase + b).ToList());
            frequencies.Add(count);
        }

        return (words, frequencies);
    }

    private static void AddPairs(
        List<int> word, long frequency, int index, int sign, Dictionary<long, long> counts, Dictionary<long, HashSet<int>> where, HashSet<long>? changed)
    {
        for (var i = 0; i + 1 < word.Count; i++)
        {
            var key = ((long)word[i] << 32) | (uint)word[i + 1];
            counts[key] = counts.GetValueOrDefault(key) + (sign * frequency);
            if (sign > 0)
            {
                if (!where.TryGetValue(key, out var set))
                {
                    where[key] = set = [];
                }

                set.Add(index);
            }

            changed?.Add(key);
        }
    }

    private static bool Contains(List<int> word, int left, int right)
    {
        for (var i = 0; i + 1 < word.Count; i++)
        {
            if (word[i] == left && word[i + 1] == right)
            {
                return true;
            }
        }

        return false;
    }

    private static void Merge(List<int> word, int left, int right, int merged)
    {
        var write = 0;
        for (var read = 0; read < word.Count; read++)
        {
            if (read + 1 < word.Count && word[read] == left && word[read + 1] == right)
            {
                word[write++] = merged;
                read++;
            }
            else
            {
                word[write++] = word[read];
            }
        }

        word.RemoveRange(write, word.Count - write);
    }
}
