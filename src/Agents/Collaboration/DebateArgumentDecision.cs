using System.Diagnostics.CodeAnalysis;
using Agents.Decisions;

namespace Agents.Collaboration;

/// <summary>
/// A debater's turn in an adversarial debate (Liang et al.): the affirmative gives and defends an answer, the negative
/// disagrees and gives its own. The reply is free text ending with "Answer: X".
/// </summary>
/// <param name="Agent">Who argues.</param>
/// <param name="Side">Which side.</param>
/// <param name="Topic">The question.</param>
/// <param name="Round">The round, from 0.</param>
/// <param name="Debate">The debate so far, one "speaker: text" line per turn.</param>
public sealed record DebateArgumentDecision(string Agent, DebateSide Side, string Topic, int Round, IReadOnlyList<string> Debate) : Decision<string>
{
    /// <summary>The type name.</summary>
    public const string Name = "debate argument";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"(.*\n)*Answer: [^\n]+";

    /// <inheritdoc />
    public override int MaxReplyTokens => 200;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(
                Name,
                Side == DebateSide.Affirmative
                    ? "You are the affirmative side. Give your answer and defend it against the negative side's objections."
                    : "You are the negative side. You disagree with the affirmative side: point out its mistakes and give your own answer.")
            .Field("Agent", Agent)
            .Field("Side", Side == DebateSide.Affirmative ? "affirmative" : "negative")
            .Field("Question", Topic)
            .Field("Round", Round.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .List("Debate", Debate)
            .Reply("your argument, then a last line \"Answer: X\".");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out string value) => FinalAnswer.TryExtract(reply, out value);

    /// <inheritdoc />
    public override string Format(string value) => $"Answer: {value}";

    /// <inheritdoc />
    public override string Fallback() => string.Empty;
}
