namespace Agents.Runtime.Training;

/// <summary>Knowledge distillation from a teacher model folder whose tokenizer the student shares.</summary>
/// <param name="TeacherDirectory">The teacher's model folder (config.json, model.safetensors, tokenizer.json).</param>
/// <param name="Temperature">Softmax temperature T of the soft labels (&gt; 0).</param>
/// <param name="Weight">Share w of the soft term in the loss, in [0, 1]; 1 - w goes to the hard labels.</param>
public sealed record DistillationOptions(string TeacherDirectory, double Temperature = 2, double Weight = 0.5)
{
    /// <summary>Checks ranges; the message names the option.</summary>
    /// <exception cref="RuntimeOptionException">A value is out of range.</exception>
    public DistillationOptions Validate() =>
        Temperature is > 0 and <= 100 && double.IsFinite(Temperature) && Weight is >= 0 and <= 1
            ? this
            : throw new RuntimeOptionException($"Distillation option out of range: expected --kd-temperature in (0, 100] and --kd-weight in [0, 1], found {Temperature} and {Weight}.");
}
