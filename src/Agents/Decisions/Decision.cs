using System.Diagnostics.CodeAnalysis;

namespace Agents.Decisions;

/// <summary>A decision whose parsed output is a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The typed output.</typeparam>
public abstract record Decision<T> : IDecision
{
    /// <inheritdoc />
    public abstract string Type { get; }

    /// <inheritdoc />
    public abstract string Agent { get; init; }

    /// <inheritdoc />
    public abstract string ReplyShape { get; }

    /// <inheritdoc />
    public virtual int MaxReplyTokens => 160;

    /// <inheritdoc />
    public virtual IReadOnlyList<string> StopSequences => [];

    /// <inheritdoc />
    public abstract string Render();

    /// <summary>Parses a reply; false when it does not have the expected shape or content.</summary>
    public abstract bool TryParse(string reply, [MaybeNullWhen(false)] out T value);

    /// <summary>Formats <paramref name="value"/> as the reply a perfect model gives (a training target).</summary>
    public abstract string Format(T value);

    /// <summary>The safe output used when no reply can be parsed.</summary>
    public abstract T Fallback();

    /// <inheritdoc />
    public bool Accepts(string? reply) => reply is not null && TryParse(reply, out _);

    /// <inheritdoc />
    public string FallbackReply() => Format(Fallback());

    /// <inheritdoc />
    public string? FormatIdeal(string? reply) => reply is not null && TryParse(reply, out var value) ? Format(value) : null;

    /// <summary>The parsed reply, or the fallback (flagged) when it is missing or malformed.</summary>
    public DecisionOutcome<T> Resolve(string? reply) =>
        reply is not null && TryParse(reply, out var value)
            ? new DecisionOutcome<T>(value, false)
            : new DecisionOutcome<T>(Fallback(), true);
}
