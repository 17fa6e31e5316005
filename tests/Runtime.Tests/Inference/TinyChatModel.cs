using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using Agents.Runtime.Training;

namespace Agents.Runtime.Tests.Inference;

/// <summary>A tiny chat model trained once for the inference tests (a few seconds): it greets back and reports a mood.</summary>
public sealed class TinyChatModel : IDisposable
{
    public static readonly string[] Names = ["Isabella", "Klaus", "Maria", "Tom", "Ayesha"];

    public TinyChatModel()
    {
        TinyModels.RequireTorch();
        Thread = new ModelThread(threads: 1);
        var conversations = Names.Select(n => (IReadOnlyList<ChatMessage>)
        [
            new ChatMessage("system", "You are a villager."),
            new ChatMessage("user", $"Hello {n}, how are you?"),
            new ChatMessage("assistant", $"Hello! I am {n} and I feel fine today."),
        ]).ToList();
        Tokenizer = BpeTrainer.Train(conversations.SelectMany(c => c.Select(m => m.Content)), 300);
        var config = new ModelConfig(Tokenizer.VocabularySize, ContextLength: 96, Layers: 2, Heads: 4, KeyValueHeads: 2, Width: 32, HiddenSize: 64);
        Model = Thread.CreateAsync(() => new Transformer(config, seed: 1)).GetAwaiter().GetResult();
        var data = new ChatExamples(Tokenizer, conversations, heldOutEvery: 0);
        var options = new TrainingOptions(Steps: 120, BatchSize: 5, SequenceLength: 48, LearningRate: 1e-2, MinLearningRate: 1e-3, WarmupSteps: 10, WeightDecay: 0, EvalEvery: 0);
        new Trainer(Thread, Model, data, options).RunAsync().GetAwaiter().GetResult();
    }

    public ModelThread Thread { get; }

    public Transformer Model { get; }

    public ChatTokenizer Tokenizer { get; }

    public static IReadOnlyList<ChatMessage> Greeting(string name) =>
        [new ChatMessage("system", "You are a villager."), new ChatMessage("user", $"Hello {name}, how are you?")];

    public void Dispose() => Thread.Dispose();
}
