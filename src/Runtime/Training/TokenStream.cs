namespace Agents.Runtime.Training;

/// <summary>Pretraining data: one long stream of token ids; batches are random windows. The last part is held out.</summary>
public sealed class TokenStream : ITrainingData
{
    private readonly int[] training;
    private readonly int[] heldOut;

    /// <summary>Splits <paramref name="tokens"/>: the last <paramref name="heldOutFraction"/> is held out.</summary>
    public TokenStream(int[] tokens, double heldOutFraction = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(heldOutFraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(heldOutFraction, 1);
        var split = (int)(tokens.Length * (1 - heldOutFraction));
        training = tokens[..split];
        heldOut = heldOutFraction > 0 ? tokens[split..] : training;
    }

    /// <inheritdoc/>
    public long TrainingTokens => training.Length;

    /// <inheritdoc/>
    public (long[] Inputs, long[] Targets) Sample(bool heldOut, Random random, int batchSize, int length)
    {
        var source = heldOut ? this.heldOut : training;
        if (source.Length < length + 1)
        {
            throw new DatasetFormatException(
                $"The {(heldOut ? "held-out" : "training")} split has {source.Length} tokens, fewer than one sequence of {length + 1}; add text or shorten the sequence length.");
        }

        var inputs = new long[batchSize * length];
        var targets = new long[batchSize * length];
        for (var b = 0; b < batchSize; b++)
        {
            var start = random.Next(source.Length - length);
            for (var t = 0; t < length; t++)
            {
                inputs[(b * length) + t] = source[start + t];
                targets[(b * length) + t] = source[start + t + 1];
            }
        }

        return (inputs, targets);
    }
}
