using Agents.Runtime.Checkpoints;
using Agents.Runtime.Devices;
using Agents.Runtime.Faces;
using Agents.Runtime.Inference;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using TorchSharp;

namespace Agents.Runtime.Serving;

/// <summary>
/// A model folder loaded for serving: its own model thread, the model on the chosen device, the inference engine,
/// and the chat and embedding faces. What <c>agents serve</c> and <c>agents chat</c> start from. Owns all of it.
/// </summary>
public sealed class LocalModelHost : IAsyncDisposable
{
    private LocalModelHost(ModelThread thread, Transformer model, ChatTokenizer tokenizer, InferenceEngine engine, string modelId)
    {
        Thread = thread;
        Model = model;
        Tokenizer = tokenizer;
        Engine = engine;
        ChatClient = new LocalChatClient(engine, modelId);
        Embeddings = new LocalEmbeddingGenerator(thread, model, tokenizer, modelId);
    }

    /// <summary>The model thread.</summary>
    public ModelThread Thread { get; }

    /// <summary>The loaded model (use on <see cref="Thread"/> only).</summary>
    public Transformer Model { get; }

    /// <summary>The tokenizer.</summary>
    public ChatTokenizer Tokenizer { get; }

    /// <summary>The scheduler and KV cache.</summary>
    public InferenceEngine Engine { get; }

    /// <summary>The model as an <c>IChatClient</c>.</summary>
    public LocalChatClient ChatClient { get; }

    /// <summary>The model as an embedding generator.</summary>
    public LocalEmbeddingGenerator Embeddings { get; }

    /// <summary>Loads <paramref name="directory"/> (config.json, model.safetensors, tokenizer.json), with a LoRA adapter merged in when given.</summary>
    /// <param name="directory">The model folder.</param>
    /// <param name="engineOptions">Slots, queue and token limit of the engine.</param>
    /// <param name="device">auto, cpu, cuda or cuda:N.</param>
    /// <param name="threads">CPU threads for tensor work; 0 keeps torch's default.</param>
    /// <param name="modelId">Name reported to clients; default: the folder's name (joined to the adapter's with "+").</param>
    /// <param name="adapterDirectory">A LoRA adapter folder trained on this model, merged into it on load; null for none.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="RuntimeOptionException">The adapter was trained on another base model.</exception>
    public static async Task<LocalModelHost> LoadAsync(
        string directory, EngineOptions engineOptions, string device = "auto", int threads = 0, string? modelId = null, string? adapterDirectory = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: expected a model folder (config.json, model.safetensors, tokenizer.json), found none.");
        }

        var thread = new ModelThread(threads);
        try
        {
            var tokenizer = ModelFolder.LoadTokenizer(directory);
            var target = DeviceSelector.Resolve(device);
            var model = await thread.CreateAsync(
                () =>
                {
                    var loaded = adapterDirectory is null ? ModelFolder.LoadModel(directory) : LoraFolder.LoadMerged(directory, adapterDirectory);
                    loaded.to(target);
                    loaded.eval();
                    return loaded;
                },
                cancellationToken).ConfigureAwait(false);
            var engine = new InferenceEngine(thread, model, tokenizer, engineOptions);
            var name = new DirectoryInfo(directory).Name + (adapterDirectory is null ? string.Empty : "+" + new DirectoryInfo(adapterDirectory).Name);
            return new LocalModelHost(thread, model, tokenizer, engine, modelId ?? name);
        }
        catch
        {
            thread.Dispose();
            throw;
        }
    }

    /// <summary>Stops the engine, frees the model and ends the thread.</summary>
    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync().ConfigureAwait(false);
        await Thread.RunAsync(() => Model.Dispose()).ConfigureAwait(false);
        Thread.Dispose();
    }
}
