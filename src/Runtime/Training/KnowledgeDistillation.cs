using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Agents.Runtime.Training;

/// <summary>
/// The soft-label loss of knowledge distillation (Hinton et al. 2015): w * T^2 * KL(softmax(teacher / T) ||
/// softmax(student / T)) + (1 - w) * cross-entropy with the hard labels, both averaged over the positions whose target
/// is not -1 (assistant tokens in fine-tuning, every token in pretraining). T^2 keeps the soft term's gradients on the
/// scale of the hard term's whatever the temperature. Pure tensor functions; call on the model thread.
/// </summary>
public static class KnowledgeDistillation
{
    /// <summary>The combined loss and its two parts (each a float32 scalar).</summary>
    /// <param name="studentLogits">[..., vocabulary], with gradients.</param>
    /// <param name="teacherLogits">[..., vocabulary], the same shape, without gradients.</param>
    /// <param name="targets">Next-token ids, one per logit row; -1 where no loss is taken.</param>
    /// <param name="temperature">T &gt; 0: above 1 softens both distributions so the teacher's ranking of wrong tokens shows.</param>
    /// <param name="weight">w in [0, 1]: the share of the soft term.</param>
    public static (Tensor Loss, Tensor Divergence, Tensor CrossEntropy) Loss(Tensor studentLogits, Tensor teacherLogits, Tensor targets, double temperature, double weight)
    {
        var vocabulary = studentLogits.shape[^1];
        var student = studentLogits.reshape(-1, vocabulary).to(ScalarType.Float32);
        var flatTargets = targets.reshape(-1);
        var crossEntropy = F.cross_entropy(student, flatTargets, ignore_index: -1);
        var divergence = Divergence(studentLogits, teacherLogits, targets, temperature);
        var loss = (divergence * (weight * temperature * temperature)) + (crossEntropy * (1 - weight));
        return (loss, divergence, crossEntropy);
    }

    /// <summary>Mean KL(softmax(teacher / T) || softmax(student / T)) over the positions whose target is not -1; 0 when there are none.</summary>
    public static Tensor Divergence(Tensor studentLogits, Tensor teacherLogits, Tensor targets, double temperature)
    {
        if (!studentLogits.shape.SequenceEqual(teacherLogits.shape))
        {
            throw new ArgumentException(
                $"Expected teacher logits shaped like the student's [{string.Join(", ", studentLogits.shape)}], found [{string.Join(", ", teacherLogits.shape)}].", nameof(teacherLogits));
        }

        var vocabulary = studentLogits.shape[^1];
        var student = F.log_softmax(studentLogits.reshape(-1, vocabulary).to(ScalarType.Float32) / temperature, -1);
        var teacher = F.log_softmax(teacherLogits.reshape(-1, vocabulary).to(ScalarType.Float32) / temperature, -1);
        var perPosition = (teacher.exp() * (teacher - student)).sum(-1);
        var counted = targets.reshape(-1).ne(-1).to(ScalarType.Float32);
        return (perPosition * counted).sum() / counted.sum().clamp_min(1);
    }
}
