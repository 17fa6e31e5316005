using Agents.Runtime.Checkpoints;
using Agents.Runtime.Model;

namespace Agents.Runtime.Training;

/// <summary>What <see cref="TrainingJob"/> trains on, into where, and how.</summary>
/// <param name="DataPath">A text file or folder (pretraining), or a chat JSONL file (with <paramref name="Sft"/>).</param>
/// <param name="OutputDirectory">The model folder to write.</param>
/// <param name="Training">The training options.</param>
/// <param name="Sft">Supervised fine-tuning on chat JSONL (loss on assistant tokens only) instead of pretraining on text.</param>
/// <param name="Model">The model shape for a new model (vocabulary size comes from the tokenizer); null for <see cref="TrainingJob.DefaultModel"/>.</param>
/// <param name="VocabularySize">Vocabulary of a tokenizer trained on the data (ignored with <paramref name="InitFrom"/> or a resume).</param>
/// <param name="InitFrom">A model folder to start from (its config and tokenizer win), e.g. pretrained weights for SFT.</param>
/// <param name="Resume">Continue the run checkpointed in <paramref name="OutputDirectory"/>.</param>
/// <param name="Device">auto, cpu, cuda or cuda:N.</param>
/// <param name="Threads">Intra-op threads of torch; 0 leaves torch's default.</param>
/// <param name="SaveType">Element type of the saved weights.</param>
/// <param name="HeldOutFraction">Share of the text held out for evaluation (pretraining).</param>
/// <param name="Distillation">Distil a teacher model into the trained one with soft labels (its tokenizer is used); null trains on hard labels only.</param>
/// <param name="SingleDigits">A tokenizer trained on the data splits numbers into single digits (see <see cref="Tokenization.GptPreTokenizer"/>); false keeps GPT-2's runs of digits.</param>
public sealed record TrainingJobOptions(
    string DataPath,
    string OutputDirectory,
    TrainingOptions Training,
    bool Sft = false,
    ModelConfig? Model = null,
    int VocabularySize = 4096,
    string? InitFrom = null,
    bool Resume = false,
    string Device = "auto",
    int Threads = 0,
    SafeTensorsType SaveType = SafeTensorsType.F32,
    double HeldOutFraction = 0.1,
    DistillationOptions? Distillation = null,
    bool SingleDigits = false);
