using Agents.Runtime.Checkpoints;
using Agents.Runtime.Model;

namespace Agents.Runtime.Training;

/// <summary>What <see cref="LoraTrainingJob"/> trains, on which base, into where, and how.</summary>
/// <param name="DataPath">A chat JSONL file; the loss counts only the assistant's tokens, as in SFT.</param>
/// <param name="BaseDirectory">The model folder whose weights stay frozen (never written).</param>
/// <param name="OutputDirectory">The adapter folder to write (adapter.safetensors, adapter_config.json, metrics, checkpoint).</param>
/// <param name="Training">The training options.</param>
/// <param name="Lora">Rank, alpha, targets and dropout (the base fields are filled in by the job).</param>
/// <param name="Merge">Also write the base with the adapter merged in as a full model folder in <paramref name="OutputDirectory"/>.</param>
/// <param name="Resume">Continue the run checkpointed in <paramref name="OutputDirectory"/>.</param>
/// <param name="Device">auto, cpu, cuda or cuda:N.</param>
/// <param name="Threads">Intra-op threads of torch; 0 leaves torch's default.</param>
/// <param name="SaveType">Element type of the merged model's weights (the adapter is always float32).</param>
public sealed record LoraJobOptions(
    string DataPath,
    string BaseDirectory,
    string OutputDirectory,
    TrainingOptions Training,
    LoraConfig Lora,
    bool Merge = false,
    bool Resume = false,
    string Device = "auto",
    int Threads = 0,
    SafeTensorsType SaveType = SafeTensorsType.F32);
