namespace Agents.Arena;

/// <summary>One decision a strategy asked while solving an item: its type, the prompt, and the mind's raw reply.</summary>
/// <param name="Decision">The decision type, e.g. "react step".</param>
/// <param name="Prompt">The rendered prompt.</param>
/// <param name="Reply">The raw reply (the last attempt when the mind retried); null when there was none.</param>
/// <param name="Calls">Model calls the mind made for it, retries included (0 for a mind that calls no model).</param>
public sealed record ArenaCall(string Decision, string Prompt, string? Reply, int Calls);
