using Agents.Runtime.Checkpoints;
using Agents.Runtime.Model;
using Parameter = TorchSharp.Modules.Parameter;
using static TorchSharp.torch;

namespace Agents.Runtime.Training;

/// <summary>
/// AdamW (decoupled weight decay, bias-corrected moments) with two parameter groups: matrices decay, norms and the
/// embedding do not. Written here rather than taken from torch.optim so that its state is plain named tensors that
/// checkpoint into safetensors beside the model and resume exactly. Lives on the model thread.
/// </summary>
public sealed class AdamW : IDisposable
{
    private readonly List<(string Name, Parameter Parameter, bool Decay, Tensor Mean, Tensor Variance)> slots = [];

    /// <summary>Creates zeroed state for every parameter of <paramref name="model"/>; call through <c>ModelThread.CreateAsync</c>.</summary>
    public AdamW(Transformer model)
    {
        var noDecay = model.NoDecayParameterNames();
        foreach (var (name, parameter) in model.named_parameters())
        {
            slots.Add((name, parameter, !noDecay.Contains(name), zeros_like(parameter), zeros_like(parameter)));
        }
    }

    /// <summary>Creates zeroed state for exactly <paramref name="parameters"/> (e.g. a LoRA adapter's, the base frozen); call through <c>ModelThread.CreateAsync</c>.</summary>
    public AdamW(IEnumerable<(string Name, Parameter Parameter, bool Decay)> parameters)
    {
        foreach (var (name, parameter, decay) in parameters)
        {
            slots.Add((name, parameter, decay, zeros_like(parameter), zeros_like(parameter)));
        }
    }

    /// <summary>Optimiser steps taken so far (for bias correction).</summary>
    public long StepCount { get; private set; }

    /// <summary>Names of the parameters that decay, and of those that do not.</summary>
    public (IReadOnlyList<string> Decay, IReadOnlyList<string> NoDecay) Groups =>
        (slots.Where(s => s.Decay).Select(s => s.Name).ToList(), slots.Where(s => !s.Decay).Select(s => s.Name).ToList());

    /// <summary>Clears the gradients.</summary>
    public void ZeroGradients()
    {
        foreach (var slot in slots)
        {
            slot.Parameter.grad?.zero_();
        }
    }

    /// <summary>Applies one update with learning rate <paramref name="learningRate"/>.</summary>
    public void Step(double learningRate, TrainingOptions options)
    {
        StepCount++;
        var correction1 = 1 - Math.Pow(options.Beta1, StepCount);
        var correction2 = 1 - Math.Pow(options.Beta2, StepCount);
        using var _ = no_grad();
        foreach (var (_, parameter, decay, mean, variance) in slots)
        {
            var gradient = parameter.grad;
            if (gradient is null)
            {
                continue;
            }

            mean.mul_(options.Beta1).add_(gradient, alpha: 1 - options.Beta1);
            variance.mul_(options.Beta2).addcmul_(gradient, gradient, value: 1 - options.Beta2);
            if (decay && options.WeightDecay > 0)
            {
                parameter.mul_(1 - (learningRate * options.WeightDecay));
            }

            var denominator = (variance.sqrt() / Math.Sqrt(correction2)).add_(options.Epsilon);
            parameter.addcdiv_(mean, denominator, value: -learningRate / correction1);
        }
    }

    /// <summary>Writes the moments (float32) and the step count to a safetensors file.</summary>
    public void Save(string path) =>
        SafeTensors.Write(
            path,
            slots.SelectMany(s => new[] { ("exp_avg." + s.Name, s.Mean), ("exp_avg_sq." + s.Name, s.Variance) }),
            SafeTensorsType.F32,
            new Dictionary<string, string> { ["step"] = StepCount.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Reads state written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFormatException">The file does not hold state for exactly these parameters.</exception>
    public void Load(string path)
    {
        var tensors = SafeTensors.Read(path);
        try
        {
            using var _ = no_grad();
            foreach (var (name, _, _, mean, variance) in slots)
            {
                if (!tensors.TryGetValue("exp_avg." + name, out var m) || !tensors.TryGetValue("exp_avg_sq." + name, out var v))
                {
                    throw new ModelFormatException($"{path}: expected optimiser moments for \"{name}\", found none.");
                }

                if (!m.shape.SequenceEqual(mean.shape) || !v.shape.SequenceEqual(variance.shape))
                {
                    throw new ModelFormatException($"{path}: optimiser moments for \"{name}\" have shape [{string.Join(", ", m.shape)}], expected [{string.Join(", ", mean.shape)}].");
                }

                mean.copy_(m);
                variance.copy_(v);
            }

            var metadata = SafeTensors.ReadMetadata(path);
            StepCount = metadata.TryGetValue("step", out var step) && long.TryParse(step, out var parsed)
                ? parsed
                : throw new ModelFormatException($"{path}: expected the optimiser step count in the metadata, found none.");
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>Frees the moments.</summary>
    public void Dispose()
    {
        foreach (var slot in slots)
        {
            slot.Mean.Dispose();
            slot.Variance.Dispose();
        }

        slots.Clear();
    }
}
