using Agents.Minds;
using Microsoft.Extensions.AI;

namespace Agents.Tests.Minds;

/// <summary>
/// An IChatClient that stands for a model: answers from rules (the scripted teacher), optionally corrupting replies,
/// slowing down or throwing; it stops at the stop sequences it is given.
/// </summary>
internal sealed class RuleChatClient(Func<int, string, string?>? corrupt = null, TimeSpan? delay = null) : IChatClient
{
    private readonly ScriptedMind _teacher = new(11);
    private int _calls;

    public int Calls => _calls;

    /// <summary>The sampling seed of every call, in call order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<long?> Seeds { get; } = new();

    /// <summary>The options of the last call.</summary>
    public ChatOptions? LastOptions { get; private set; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        LastOptions = options;
        Seeds.Enqueue(options?.Seed);
        if (delay is { } wait)
        {
            await Task.Delay(wait, cancellationToken);
        }

        var prompt = messages.Last(m => m.Role == ChatRole.User).Text;
        var text = _teacher.Answer(prompt);
        if (corrupt is not null)
        {
            text = corrupt(call, text) ?? throw new InvalidOperationException("the model server failed");
        }

        // As a server does: the reply ends before the first stop sequence it would write.
        foreach (var stop in options?.StopSequences ?? [])
        {
            var at = text.IndexOf(stop, StringComparison.Ordinal);
            text = at >= 0 ? text[..at] : text;
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            Usage = new UsageDetails { InputTokenCount = prompt.Length / 4, OutputTokenCount = text.Length / 4 },
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
