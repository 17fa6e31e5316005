namespace Agents.Decisions;

/// <summary>
/// One typed question to a mind. It renders a compact prompt whose first line names the decision type, describes the
/// reply's shape (a regex, for constrained decoding), checks a reply, and gives the reply of its safe fallback.
/// Decisions are immutable and thread-safe.
/// </summary>
public interface IDecision
{
    /// <summary>The decision type, e.g. "importance"; the first line of the prompt.</summary>
    string Type { get; }

    /// <summary>The agent who decides (for accounting).</summary>
    string Agent { get; }

    /// <summary>A regex that every well-formed reply matches in full.</summary>
    string ReplyShape { get; }

    /// <summary>A bound on the reply's length in tokens, for the model call.</summary>
    int MaxReplyTokens { get; }

    /// <summary>
    /// Where a reply naturally ends, for the model call's stop sequences (the model stops before writing one): the line
    /// break after a one-line reply, a blank line, the start of what would come next. Empty when there is none.
    /// </summary>
    IReadOnlyList<string> StopSequences { get; }

    /// <summary>Renders the user prompt.</summary>
    string Render();

    /// <summary>True when <paramref name="reply"/> parses into this decision's output.</summary>
    bool Accepts(string? reply);

    /// <summary>The reply that the fallback output formats to.</summary>
    string FallbackReply();

    /// <summary>
    /// <paramref name="reply"/> as a perfect model would write it (parsed, then formatted): a training target that
    /// matches <see cref="ReplyShape"/> in full. Null when the reply does not parse.
    /// </summary>
    string? FormatIdeal(string? reply);
}
