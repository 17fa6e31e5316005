using Agents.Runtime.Model;
using Agents.Runtime.Tokenization;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Agents.Runtime.Training;

/// <summary>
/// Direct preference optimisation (Rafailov et al. 2023): loss = -log sigmoid(beta * ((pi_c - ref_c) - (pi_r - ref_r))),
/// where pi and ref are the summed log-probabilities of the assistant reply's tokens (its end token included) under the
/// trained policy and the frozen reference. The reference's log-probabilities are computed once, before training
/// (<see cref="ComputeReference"/>), so no second model is kept. Every tenth pair is held out. A sequence longer than the
/// sequence length loses the start of its prompt first, then the end of its reply. Figures in the metrics log:
/// "reward_margin", "accuracy", "reward_chosen", "reward_rejected", "logp_margin" (and "val_" twins). Model thread only.
/// </summary>
public sealed class DpoObjective : ITrainingObjective
{
    private readonly List<Example> training = [];
    private readonly List<Example> heldOut = [];
    private readonly int padding;
    private readonly int vocabulary;
    private readonly Dictionary<string, double> sums = [];
    private int counted;

    /// <summary>Encodes <paramref name="pairs"/> for sequences of at most <paramref name="length"/> tokens.</summary>
    /// <param name="tokenizer">The policy's (and reference's) tokenizer.</param>
    /// <param name="pairs">The preferences.</param>
    /// <param name="length">Tokens per sequence (at most the model's context length).</param>
    /// <param name="beta">Strength of the pull towards the reference: small lets the policy stray further (0.1 is common).</param>
    /// <param name="heldOutEvery">Every this many pairs one is held out (none when 0, or when there is one pair).</param>
    /// <exception cref="RuntimeOptionException">Beta is not positive, or there are no pairs.</exception>
    public DpoObjective(ChatTokenizer tokenizer, IReadOnlyList<PreferencePair> pairs, int length, double beta = 0.1, int heldOutEvery = 10)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
        {
            throw new RuntimeOptionException($"DPO option out of range: expected --beta > 0, found {beta}.");
        }

        if (pairs.Count == 0)
        {
            throw new RuntimeOptionException("DPO needs at least one preference pair, found none.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        Beta = beta;
        padding = tokenizer.EndOfText;
        vocabulary = tokenizer.VocabularySize;
        for (var i = 0; i < pairs.Count; i++)
        {
            var prompt = ChatTemplate.EncodePrompt(tokenizer, pairs[i].Prompt);
            var example = new Example(Encode(tokenizer, prompt, pairs[i].Chosen, length), Encode(tokenizer, prompt, pairs[i].Rejected, length));
            var isHeldOut = pairs.Count > 1 && heldOutEvery > 0 && (i % heldOutEvery == heldOutEvery - 1 || (pairs.Count < heldOutEvery && i == pairs.Count - 1));
            (isHeldOut ? heldOut : training).Add(example);
        }

        if (heldOut.Count == 0)
        {
            heldOut.AddRange(training);
        }
    }

    /// <summary>The beta of the loss.</summary>
    public double Beta { get; }

    /// <summary>Pairs in the training split.</summary>
    public int TrainingCount => training.Count;

    /// <summary>Pairs in the held-out split (the training pairs when none is held out).</summary>
    public int HeldOutCount => heldOut.Count;

    /// <summary>True once <see cref="ComputeReference"/> has run.</summary>
    public bool HasReference { get; private set; }

    /// <summary>
    /// Stores the summed reply log-probabilities of every pair under <paramref name="reference"/> (eval mode, no
    /// gradients, its current compute type): the frozen reference of the loss. Call once, before training, with the
    /// model as it starts. Model thread.
    /// </summary>
    public void ComputeReference(Transformer reference, int batchSize = 16)
    {
        var examples = training.Concat(heldOut).Distinct().ToList();
        foreach (var (chunk, scores) in Score(reference, examples, batchSize))
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                chunk[i].ReferenceChosen = scores[2 * i];
                chunk[i].ReferenceRejected = scores[(2 * i) + 1];
            }
        }

        HasReference = true;
    }

    /// <summary>How <paramref name="model"/> ranks the pairs of a split, in eval mode without gradients; model thread.</summary>
    /// <exception cref="InvalidOperationException">The reference has not been computed.</exception>
    public PreferenceStatistics Measure(Transformer model, bool heldOut = false, int batchSize = 16)
    {
        RequireReference();
        var examples = heldOut ? this.heldOut : training;
        double loss = 0, reward = 0, correct = 0, logp = 0, preferred = 0;
        foreach (var (chunk, scores) in Score(model, examples, batchSize))
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                var (chosen, rejected) = (scores[2 * i], scores[(2 * i) + 1]);
                var margin = Beta * ((chosen - chunk[i].ReferenceChosen) - (rejected - chunk[i].ReferenceRejected));
                loss += Softplus(-margin);
                reward += margin;
                correct += margin > 0 ? 1 : 0;
                logp += chosen - rejected;
                preferred += chosen > rejected ? 1 : 0;
            }
        }

        var n = examples.Count;
        return new PreferenceStatistics(n, loss / n, reward / n, correct / n, logp / n, preferred / n);
    }

    /// <inheritdoc/>
    public Tensor Loss(Transformer model, bool heldOut, Random random, int batchSize, int length)
    {
        RequireReference();
        var source = heldOut ? this.heldOut : training;
        var picks = Enumerable.Range(0, batchSize).Select(_ => source[random.Next(source.Count)]).ToList();
        var device = model.parameters().First().device;
        var logProbabilities = SummedLogProbabilities(model, picks.SelectMany(p => new[] { p.Chosen, p.Rejected }).ToList()).view(batchSize, 2);
        var policyChosen = logProbabilities.select(1, 0);
        var policyRejected = logProbabilities.select(1, 1);
        var referenceChosen = tensor(picks.Select(p => (float)p.ReferenceChosen).ToArray(), device: device);
        var referenceRejected = tensor(picks.Select(p => (float)p.ReferenceRejected).ToArray(), device: device);
        var rewardChosen = (policyChosen - referenceChosen) * Beta;
        var rewardRejected = (policyRejected - referenceRejected) * Beta;
        var loss = -F.logsigmoid(rewardChosen - rewardRejected).mean();

        using (no_grad())
        {
            var chosen = rewardChosen.cpu().data<float>().ToArray();
            var rejected = rewardRejected.cpu().data<float>().ToArray();
            var logp = (policyChosen - policyRejected).cpu().data<float>().ToArray();
            for (var i = 0; i < batchSize; i++)
            {
                Add("reward_margin", chosen[i] - rejected[i]);
                Add("accuracy", chosen[i] > rejected[i] ? 1 : 0);
                Add("reward_chosen", chosen[i]);
                Add("reward_rejected", rejected[i]);
                Add("logp_margin", logp[i]);
            }

            counted += batchSize;
        }

        return loss;
    }

    /// <inheritdoc/>
    /// <remarks>Training and held-out curves are both the DPO loss (log 2 where the policy equals its reference).</remarks>
    public string LossLabel => "DPO loss, -log sigmoid(beta * margin) (nats)";

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> TakeMetrics()
    {
        var figures = counted == 0 ? [] : sums.ToDictionary(p => p.Key, p => p.Value / counted);
        sums.Clear();
        counted = 0;
        return figures;
    }

    /// <summary>Prompt then reply and end token as inputs and next-token targets (-1 on the prompt), at most <paramref name="length"/> long.</summary>
    private static Sequence Encode(ChatTokenizer tokenizer, int[] prompt, string reply, int length)
    {
        int[] ids = [.. prompt, .. tokenizer.Encode(reply), tokenizer.EndOfMessage];
        // Inputs are ids[start .. end), targets ids[start+1 .. end+1); the first target must be the reply's first token when it fits.
        var start = Math.Max(0, Math.Min(ids.Length - 1 - length, prompt.Length - 1));
        var end = Math.Min(ids.Length - 1, start + length);
        var inputs = new long[end - start];
        var targets = new long[end - start];
        for (var t = start; t < end; t++)
        {
            inputs[t - start] = ids[t];
            targets[t - start] = t + 1 >= prompt.Length ? ids[t + 1] : -1;
        }

        return new Sequence(inputs, targets);
    }

    private static double Softplus(double x) => x > 30 ? x : Math.Log(1 + Math.Exp(x));

    /// <summary>Summed log-probabilities of the targets of each sequence, [rows], float32; right-padded to the longest.</summary>
    private Tensor SummedLogProbabilities(Transformer model, IReadOnlyList<Sequence> rows)
    {
        var width = rows.Max(r => r.Inputs.Length);
        var inputs = new long[rows.Count * width];
        var targets = new long[rows.Count * width];
        Array.Fill(inputs, padding);
        Array.Fill(targets, -1);
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].Inputs.CopyTo(inputs, r * width);
            rows[r].Targets.CopyTo(targets, r * width);
        }

        var device = model.parameters().First().device;
        var logits = model.forward(tensor(inputs, device: device).view(rows.Count, width));
        var negative = F.cross_entropy(logits.view(-1, vocabulary).to(ScalarType.Float32), tensor(targets, device: device), ignore_index: -1, reduction: nn.Reduction.None);
        return -negative.view(rows.Count, width).sum(1);
    }

    /// <summary>Chunks of examples with their chosen and rejected scores interleaved, in eval mode without gradients.</summary>
    private IEnumerable<(List<Example> Chunk, float[] Scores)> Score(Transformer model, IReadOnlyList<Example> examples, int batchSize)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            for (var first = 0; first < examples.Count; first += batchSize)
            {
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var chunk = examples.Skip(first).Take(batchSize).ToList();
                var scores = SummedLogProbabilities(model, chunk.SelectMany(e => new[] { e.Chosen, e.Rejected }).ToList()).cpu().data<float>().ToArray();
                yield return (chunk, scores);
            }
        }
        finally
        {
            if (wasTraining)
            {
                model.train();
            }
        }
    }

    private void RequireReference()
    {
        if (!HasReference)
        {
            throw new InvalidOperationException("DPO needs the reference log-probabilities: call ComputeReference with the starting model before training.");
        }
    }

    private void Add(string name, double value) => sums[name] = sums.GetValueOrDefault(name) + value;

    private sealed record Sequence(long[] Inputs, long[] Targets);

    private sealed class Example(Sequence chosen, Sequence rejected)
    {
        public Sequence Chosen { get; } = chosen;

        public Sequence Rejected { get; } = rejected;

        public double ReferenceChosen { get; set; }

        public double ReferenceRejected { get; set; }
    }
}
