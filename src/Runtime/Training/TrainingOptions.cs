namespace Agents.Runtime.Training;

/// <summary>Every knob of a training run.</summary>
/// <param name="Steps">Optimiser steps in the whole run.</param>
/// <param name="BatchSize">Sequences per micro-batch.</param>
/// <param name="AccumulationSteps">Micro-batches whose gradients add up to one optimiser step.</param>
/// <param name="SequenceLength">Tokens per sequence; 0 means the model's context length.</param>
/// <param name="LearningRate">Peak learning rate, reached after warm-up.</param>
/// <param name="MinLearningRate">Learning rate at the end of the cosine decay.</param>
/// <param name="WarmupSteps">Steps of linear warm-up from 0.</param>
/// <param name="WeightDecay">Decoupled weight decay of the matrices (norms and embedding get none).</param>
/// <param name="Beta1">AdamW first-moment decay.</param>
/// <param name="Beta2">AdamW second-moment decay.</param>
/// <param name="Epsilon">AdamW denominator epsilon.</param>
/// <param name="GradientClip">Maximum global gradient norm; 0 turns clipping off.</param>
/// <param name="EvalEvery">Evaluate on the held-out split every this many steps (and at the end); 0 turns it off.</param>
/// <param name="EvalBatches">Micro-batches per evaluation.</param>
/// <param name="CheckpointEvery">Write a resumable checkpoint every this many steps (and at the end); 0 only at the end.</param>
/// <param name="Seed">Seeds initialisation and batch sampling; the same seed gives the same run.</param>
/// <param name="Bf16">Compute matrix products in bfloat16 (weights, norms and optimiser stay float32).</param>
/// <param name="DocumentMasks">In rows packed with several documents (split by the end-of-text token), attend only within each document.</param>
public sealed record TrainingOptions(
    int Steps = 1000,
    int BatchSize = 16,
    int AccumulationSteps = 1,
    int SequenceLength = 0,
    double LearningRate = 1e-3,
    double MinLearningRate = 1e-4,
    int WarmupSteps = 100,
    double WeightDecay = 0.1,
    double Beta1 = 0.9,
    double Beta2 = 0.95,
    double Epsilon = 1e-8,
    double GradientClip = 1.0,
    int EvalEvery = 100,
    int EvalBatches = 8,
    int CheckpointEvery = 0,
    int Seed = 1337,
    bool Bf16 = false,
    bool DocumentMasks = false)
{
    /// <summary>Checks ranges; the message names the option.</summary>
    /// <exception cref="RuntimeOptionException">A value is out of range.</exception>
    public TrainingOptions Validate()
    {
        void Require(bool ok, string what)
        {
            if (!ok)
            {
                throw new RuntimeOptionException($"Training option out of range: {what}.");
            }
        }

        Require(Steps > 0, $"expected steps > 0, found {Steps}");
        Require(BatchSize > 0, $"expected batch size > 0, found {BatchSize}");
        Require(AccumulationSteps > 0, $"expected accumulation steps > 0, found {AccumulationSteps}");
        Require(SequenceLength >= 0, $"expected sequence length >= 0, found {SequenceLength}");
        Require(LearningRate > 0 && MinLearningRate >= 0 && MinLearningRate <= LearningRate, $"expected 0 <= min learning rate ({MinLearningRate}) <= learning rate ({LearningRate}), learning rate > 0");
        Require(WarmupSteps >= 0, $"expected warm-up steps >= 0, found {WarmupSteps}");
        Require(WeightDecay >= 0, $"expected weight decay >= 0, found {WeightDecay}");
        Require(Beta1 is >= 0 and < 1 && Beta2 is >= 0 and < 1, $"expected betas in [0, 1), found {Beta1}, {Beta2}");
        Require(GradientClip >= 0, $"expected gradient clip >= 0, found {GradientClip}");
        Require(EvalEvery >= 0 && EvalBatches > 0, $"expected eval every >= 0 and eval batches > 0, found {EvalEvery}, {EvalBatches}");
        Require(CheckpointEvery >= 0, $"expected checkpoint every >= 0, found {CheckpointEvery}");
        return this;
    }
}
