using System.Diagnostics;
using System.Text.RegularExpressions;
using Agents.Runtime.Inference;
using Agents.Runtime.Serving;
using Agents.Runtime.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace Agents.Runtime.Evaluation;

/// <summary>
/// Compares a model with the teacher it was distilled from, on held-out decisions: does its greedy reply, without
/// constraints, have the decision's shape; does it equal the teacher's (exact, for structured replies); how close is it
/// in words (for free text); and what is the loss of the teacher's reply. Replies are generated through the model's
/// inference engine, as a run would.
/// </summary>
public static partial class ReplyEvaluation
{
    /// <summary>Evaluates <paramref name="host"/>'s model on <paramref name="examples"/>.</summary>
    /// <param name="host">The loaded model.</param>
    /// <param name="examples">Held-out decisions, e.g. from <see cref="LabelledReply.Read"/>.</param>
    /// <param name="options">How many per type, and the reply cap.</param>
    /// <param name="progress">Called with (done, total) as replies come back.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    public static async Task<ReplyEvaluationReport> RunAsync(
        LocalModelHost host, IReadOnlyList<LabelledReply> examples, ReplyEvaluationOptions? options = null, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new ReplyEvaluationOptions();
        var clock = Stopwatch.StartNew();
        var chosen = examples.GroupBy(e => e.Type).SelectMany(g => g.Take(options.PerType)).ToList();
        var context = host.Model.Config.ContextLength;
        var tokenizer = host.Tokenizer;

        var fits = new List<LabelledReply>();
        var tooLong = new Dictionary<string, int>();
        foreach (var example in chosen)
        {
            if (ChatTemplate.EncodePrompt(tokenizer, example.Prompt).Length + 8 >= context)
            {
                tooLong[example.Type] = tooLong.GetValueOrDefault(example.Type) + 1;
            }
            else
            {
                fits.Add(example);
            }
        }

        var losses = await host.Thread.RunAsync(() => fits.Select(e => ReplyLoss(host, e)).ToArray(), cancellationToken).ConfigureAwait(false);
        var replies = new string[fits.Count];
        var done = 0;
        using var gate = new SemaphoreSlim(Math.Max(1, host.Engine.Options.Slots * 2));
        await Task.WhenAll(fits.Select(async (example, i) =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var prompt = ChatTemplate.EncodePrompt(tokenizer, example.Prompt);
                var teacherTokens = tokenizer.Encode(example.Reply).Length;
                var room = context - prompt.Length - 2;
                var sampling = new SamplingOptions(MaxTokens: Math.Min(Math.Min((2 * teacherTokens) + 16, options.MaxReplyTokens), room), Temperature: 0);
                replies[i] = (await host.Engine.GenerateAsync(prompt, sampling, cancellationToken).ConfigureAwait(false)).Text;
            }
            finally
            {
                gate.Release();
                progress?.Invoke(Interlocked.Increment(ref done), fits.Count);
            }
        })).ConfigureAwait(false);

        var scored = fits.Select((e, i) => (e.Type, Valid: e.Shape is null ? (bool?)null : Matches(e.Shape, replies[i]), Exact: replies[i].Trim() == e.Reply.Trim(), Similarity: WordF1(replies[i], e.Reply), Loss: losses[i])).ToList();
        var rows = scored.GroupBy(s => s.Type)
            .Select(g => Row(g.Key, g.ToList(), tooLong.GetValueOrDefault(g.Key)))
            .Concat(tooLong.Keys.Where(k => scored.All(s => s.Type != k)).Select(k => new ReplyScore(k, 0, null, 0, 0, double.NaN, tooLong[k])))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Type, StringComparer.Ordinal)
            .ToList();
        return new ReplyEvaluationReport(rows, Row("all", scored, tooLong.Values.Sum()), clock.Elapsed);
    }

    /// <summary>Word-level F1 between two texts (case-insensitive words of letters and digits): 1 when both have the same words, 0 when they share none.</summary>
    public static double WordF1(string candidate, string reference)
    {
        var a = Words(candidate);
        var b = Words(reference);
        if (a.Count == 0 || b.Count == 0)
        {
            return a.Count == b.Count ? 1 : 0;
        }

        var counts = b.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var word in a)
        {
            if (counts.TryGetValue(word, out var n) && n > 0)
            {
                counts[word] = n - 1;
                common++;
            }
        }

        if (common == 0)
        {
            return 0;
        }

        double precision = (double)common / a.Count, recall = (double)common / b.Count;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>Whether <paramref name="reply"/> matches <paramref name="shape"/> in full.</summary>
    public static bool Matches(string shape, string reply) =>
        Regex.IsMatch(reply, $"\\A(?:{shape})\\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static ReplyScore Row(string type, List<(string Type, bool? Valid, bool Exact, double Similarity, double Loss)> items, int tooLong)
    {
        var shaped = items.Where(i => i.Valid is not null).ToList();
        return new ReplyScore(
            type,
            items.Count,
            shaped.Count == 0 ? null : shaped.Average(i => i.Valid == true ? 1.0 : 0.0),
            items.Count == 0 ? 0 : items.Average(i => i.Exact ? 1.0 : 0.0),
            items.Count == 0 ? 0 : items.Average(i => i.Similarity),
            items.Count == 0 ? double.NaN : items.Average(i => i.Loss),
            tooLong);
    }

    private static List<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    /// <summary>Mean cross-entropy of the reply's tokens (content and end token) given the prompt; model thread only.</summary>
    private static double ReplyLoss(LocalModelHost host, LabelledReply example)
    {
        var (ids, targets) = ChatTemplate.EncodeConversation(host.Tokenizer, [.. example.Prompt, new ChatMessage("assistant", example.Reply)]);
        var keep = Math.Min(ids.Length, host.Model.Config.ContextLength);
        var first = ids.Length - keep;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var device = host.Model.parameters().First().device;
        var input = tensor(ids.Skip(first).Take(keep - 1).Select(i => (long)i).ToArray(), device: device).view(1, -1);
        var expected = ids.Skip(first + 1).Select((id, t) => targets[first + 1 + t] ? (long)id : -1L).ToArray();
        var logits = host.Model.forward(input).view(keep - 1, -1).to(ScalarType.Float32);
        return nn.functional.cross_entropy(logits, tensor(expected, device: device), ignore_index: -1).item<float>();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
