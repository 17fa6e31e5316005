namespace Agents.Runtime.Training;

/// <summary>Training and held-out sequences, sampled as batches of token ids; pure managed code (no tensors).</summary>
public interface ITrainingData
{
    /// <summary>Tokens in the training split (for progress and epochs).</summary>
    long TrainingTokens { get; }

    /// <summary>
    /// Samples <paramref name="batchSize"/> sequences of <paramref name="length"/> inputs and their next-token targets,
    /// row-major [batch x length]; a target of -1 is ignored by the loss (padding, or text the model does not write).
    /// </summary>
    (long[] Inputs, long[] Targets) Sample(bool heldOut, Random random, int batchSize, int length);
}
