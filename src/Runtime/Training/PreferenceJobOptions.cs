using Agents.Runtime.Checkpoints;

namespace Agents.Runtime.Training;

/// <summary>What <see cref="PreferenceJob"/> trains on, from which model, into where, and how.</summary>
/// <param name="PairsPath">Preference JSONL (see <see cref="PreferencePairs"/>), or chat JSONL with <paramref name="PairsFromChat"/>.</param>
/// <param name="InitFrom">The model folder to start from; a frozen copy of it is the reference.</param>
/// <param name="OutputDirectory">The model folder to write.</param>
/// <param name="Training">The training options (batch size counts pairs).</param>
/// <param name="Beta">DPO's beta.</param>
/// <param name="PairsFromChat">Read chat JSONL and build the pairs with <see cref="PreferencePairBuilder"/> (seeded by the training seed); they are written to <see cref="PreferenceJob.PairsFile"/> in the output folder.</param>
/// <param name="Resume">Continue the run checkpointed in <paramref name="OutputDirectory"/> (the reference is still <paramref name="InitFrom"/>).</param>
/// <param name="Device">auto, cpu, cuda or cuda:N.</param>
/// <param name="Threads">Intra-op threads of torch; 0 leaves torch's default.</param>
/// <param name="SaveType">Element type of the saved weights.</param>
/// <param name="HeldOutEvery">Every this many pairs one is held out for evaluation; 0 holds none out.</param>
public sealed record PreferenceJobOptions(
    string PairsPath,
    string InitFrom,
    string OutputDirectory,
    TrainingOptions Training,
    double Beta = 0.1,
    bool PairsFromChat = false,
    bool Resume = false,
    string Device = "auto",
    int Threads = 0,
    SafeTensorsType SaveType = SafeTensorsType.F32,
    int HeldOutEvery = 10);
