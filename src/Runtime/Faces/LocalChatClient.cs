using System.Runtime.CompilerServices;
using Agents.Runtime.Inference;
using Microsoft.Extensions.AI;
using RuntimeMessage = Agents.Runtime.Tokenization.ChatMessage;

namespace Agents.Runtime.Faces;

/// <summary>
/// The local model as an <see cref="IChatClient"/>: messages go through the chat template to the
/// <see cref="InferenceEngine"/>, whose scheduler batches concurrent calls. Options map as in
/// <see cref="ChatOptionsMapping"/>; tools are not supported (the model has no tool-call format). Thread-safe;
/// borrows the engine (disposing the client does not dispose it).
/// </summary>
public sealed class LocalChatClient : IChatClient
{
    private readonly InferenceEngine engine;
    private readonly ChatClientMetadata metadata;

    /// <summary>A client over <paramref name="engine"/>, reporting <paramref name="modelId"/>; unset options take <paramref name="defaults"/>.</summary>
    public LocalChatClient(InferenceEngine engine, string modelId = "local", SamplingOptions? defaults = null)
    {
        this.engine = engine;
        ModelId = modelId;
        Defaults = defaults ?? new SamplingOptions(MaxTokens: 256);
        metadata = new ChatClientMetadata("agents-runtime", null, modelId);
    }

    /// <summary>The model id reported in responses.</summary>
    public string ModelId { get; }

    /// <summary>Sampling options used where a call sets none.</summary>
    public SamplingOptions Defaults { get; }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await engine.GenerateAsync(ToRuntime(messages, options), ChatOptionsMapping.ToSampling(options, Defaults), cancellationToken).ConfigureAwait(false);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, result.Text))
        {
            ModelId = ModelId,
            ResponseId = NewId(),
            CreatedAt = DateTimeOffset.UtcNow,
            FinishReason = ToFinish(result.Finish),
            Usage = new UsageDetails { InputTokenCount = result.PromptTokens, OutputTokenCount = result.CompletionTokens, TotalTokenCount = result.PromptTokens + result.CompletionTokens },
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var id = NewId();
        var created = DateTimeOffset.UtcNow;
        await foreach (var chunk in engine.StreamAsync(ToRuntime(messages, options), ChatOptionsMapping.ToSampling(options, Defaults), cancellationToken).ConfigureAwait(false))
        {
            var update = new ChatResponseUpdate(ChatRole.Assistant, chunk.Text) { ResponseId = id, MessageId = id, CreatedAt = created, ModelId = ModelId };
            if (chunk.Finish is { } finish)
            {
                update.FinishReason = ToFinish(finish);
                update.Contents.Add(new UsageContent(new UsageDetails { InputTokenCount = chunk.PromptTokens, OutputTokenCount = chunk.CompletionTokens, TotalTokenCount = chunk.PromptTokens + chunk.CompletionTokens }));
            }

            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? metadata
        : serviceType == typeof(InferenceEngine) ? engine
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>Nothing to free: the engine belongs to the caller.</summary>
    public void Dispose()
    {
    }

    /// <summary>The runtime's chat messages for <paramref name="messages"/>; instructions become a system message, unknown roles speak as the user.</summary>
    internal static List<RuntimeMessage> ToRuntime(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var result = new List<RuntimeMessage>();
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            result.Add(new RuntimeMessage("system", options.Instructions));
        }

        foreach (var message in messages)
        {
            var role = message.Role == ChatRole.System ? "system" : message.Role == ChatRole.Assistant ? "assistant" : "user";
            result.Add(new RuntimeMessage(role, message.Text));
        }

        return result;
    }

    private static ChatFinishReason ToFinish(FinishReason finish) => finish == FinishReason.Length ? ChatFinishReason.Length : ChatFinishReason.Stop;

    private static string NewId() => "chatcmpl-" + Guid.NewGuid().ToString("N")[..24];
}
