using Agents.Runtime.Inference.Constraints;

namespace Agents.Runtime.Inference;

/// <content>
/// Choosing each next token (sampled, under the request's constraint when it has one), emitting the decoded text and
/// log-probabilities, and ending the reply on an end token, a stop sequence or its length.
/// </content>
public sealed partial class InferenceEngine
{
    /// <summary>How many compiled constraints the engine keeps (<see cref="ConstraintCache"/>).</summary>
    internal const int ConstraintCacheSize = 256;

    /// <summary>The compiled constraint for <paramref name="constraint"/>, shared across requests with the same pattern (so its masks are too). Model thread only.</summary>
    internal TokenConstraint Compile(OutputConstraint constraint) =>
        constraints.GetOrAdd(constraint.ToPattern(), pattern => new TokenConstraint(CharAutomaton.FromRegex(pattern), tokenTexts, endTokens));

    /// <summary>Samples the next token of <paramref name="sequence"/> from <paramref name="logits"/>, emits its text, and finishes the reply when it ends.</summary>
    private void Choose(Sequence sequence, float[] logits)
    {
        if (sequence.IsCancelled)
        {
            Finish(sequence, null);
            return;
        }

        if (sequence.Options.MaxTokens == 0)
        {
            Finish(sequence, FinishReason.Length);
            return;
        }

        var token = Pick(sequence, logits);
        if (token < 0)
        {
            Finish(sequence, FinishReason.Length);
            return;
        }

        lock (gate)
        {
            completionTokens++;
        }

        var logprob = sequence.Options.Logprobs ? Logprob(logits, token, sequence.Options.TopLogprobs) : null;
        if (endTokens.Contains(token))
        {
            sequence.Generated.Add(token);
            Emit(sequence, final: true, logprob, FinishReason.Stop);
            return;
        }

        sequence.Generated.Add(token);
        sequence.Sampler.Observe(token);
        if (sequence.Constraint is { } constraint)
        {
            sequence.ConstraintState = constraint.Advance(sequence.ConstraintState, token);
        }

        var full = sequence.Generated.Count >= sequence.Options.MaxTokens || slotTokens[sequence.Slot].Count + 1 >= cache.Capacity;
        if (Emit(sequence, final: full, logprob, full ? FinishReason.Length : null))
        {
            return;
        }

        sequence.Pending = token;
    }

    private int Pick(Sequence sequence, float[] logits)
    {
        if (sequence.Constraint is not { } constraint)
        {
            return sequence.Sampler.Next(logits, null);
        }

        // Try the unconstrained choice first: when the constraint allows it, it is the answer. Greedy, that is the
        // best allowed token; sampled without top-k/top-p, accepting an allowed draw and otherwise drawing from the
        // masked distribution gives each allowed token p(t) + (1 - p(A)) p(t) / p(A) = p(t) / p(A), exactly the masked
        // distribution, while most steps skip building the mask of a state never seen before.
        var state = sequence.ConstraintState;
        var options = sequence.Options;
        if (options.Temperature == 0 || (options.TopK == 0 && options.TopP >= 1))
        {
            var first = sequence.Sampler.Next(logits, null);
            if (constraint.Allows(state, first))
            {
                return first;
            }
        }

        var mask = constraint.Allowed(state);
        return Array.IndexOf(mask, true) < 0 ? -1 : sequence.Sampler.Next(logits, mask);
    }

    /// <summary>Sends the text decoded since the last chunk; true when the reply ended (by <paramref name="finish"/> or a stop sequence).</summary>
    private bool Emit(Sequence sequence, bool final, TokenLogprob? logprob, FinishReason? finish)
    {
        var visible = sequence.Generated.Where(t => !endTokens.Contains(t));
        var piece = sequence.Stops.Advance(tokenizer.Decode(visible), final || finish is not null, out var stopped);
        if (stopped)
        {
            finish = FinishReason.Stop;
        }

        var chunk = new GenerationChunk(piece, logprob is null ? null : [logprob], finish, sequence.Prompt.Length, sequence.Generated.Count);
        if (piece.Length > 0 || logprob is not null || finish is not null)
        {
            sequence.Output.Writer.TryWrite(chunk);
        }

        if (finish is not null)
        {
            Finish(sequence, finish);
            return true;
        }

        return false;
    }

    private TokenLogprob Logprob(float[] logits, int token, int top)
    {
        var (value, alternatives) = Sampler.Logprobs(logits, token, top);
        return new TokenLogprob(token, tokenizer.Decode([token]), value, alternatives.Select(a => (a.TokenId, tokenizer.Decode([a.TokenId]), a.Logprob)).ToArray());
    }
}
