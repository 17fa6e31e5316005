namespace Agents.Minds;

/// <summary>Calls, tokens and failures a mind has spent so far. Thread-safe.</summary>
public sealed class MindUsage
{
    private long _calls, _promptTokens, _completionTokens, _failures, _retries;

    /// <summary>Model calls made.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Prompt tokens spent.</summary>
    public long PromptTokens => Interlocked.Read(ref _promptTokens);

    /// <summary>Completion tokens spent.</summary>
    public long CompletionTokens => Interlocked.Read(ref _completionTokens);

    /// <summary>Decisions left without a usable reply (errors, bad replies after retries, budget spent).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Calls repeated because a reply did not parse or a call failed.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    internal bool TryTakeCall(int? budget)
    {
        var taken = Interlocked.Increment(ref _calls);
        if (budget is { } limit && taken > limit)
        {
            Interlocked.Decrement(ref _calls);
            return false;
        }

        return true;
    }

    internal void AddTokens(long prompt, long completion)
    {
        Interlocked.Add(ref _promptTokens, prompt);
        Interlocked.Add(ref _completionTokens, completion);
    }

    internal void AddFailure() => Interlocked.Increment(ref _failures);

    internal void AddRetry() => Interlocked.Increment(ref _retries);
}
