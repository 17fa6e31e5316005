using System.Diagnostics.CodeAnalysis;
using Agents.Decisions;

namespace Agents.Collaboration;

/// <summary>
/// A debater's answer in a collaborative debate (Du et al.): alone in round 0, later given the other agents' latest
/// answers and asked for an updated one. The reply ends with "Answer: X"; without it the reply does not parse.
/// </summary>
/// <param name="Agent">Who answers.</param>
/// <param name="Question">The question.</param>
/// <param name="Round">The round, from 0.</param>
/// <param name="OwnAnswer">The agent's own latest reply; null in round 0.</param>
/// <param name="OtherAnswers">The other agents' latest replies; empty in round 0.</param>
public sealed record DebateAnswerDecision(string Agent, string Question, int Round, string? OwnAnswer, IReadOnlyList<string> OtherAnswers) : Decision<string>
{
    /// <summary>The type name.</summary>
    public const string Name = "debate answer";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"(.*\n)*Answer: [^\n]+";

    /// <inheritdoc />
    public override int MaxReplyTokens => 200;

    /// <inheritdoc />
    public override string Render()
    {
        var builder = new PromptBuilder(
                Name,
                Round == 0
                    ? "Answer the question. Explain briefly, then give the final answer on a last line \"Answer: X\"."
                    : "These are the solutions of other agents. Using their reasoning as additional advice, give an updated answer; explain briefly, then a last line \"Answer: X\".")
            .Field("Agent", Agent)
            .Field("Question", Question)
            .Field("Round", Round.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Round > 0)
        {
            builder.Field("Your answer", OneLine(OwnAnswer ?? "(none)")).List("Other answers", OtherAnswers.Select(OneLine));
        }

        return builder.Reply("reasoning, then \"Answer: X\".");
    }

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out string value) => FinalAnswer.TryExtract(reply, out value);

    /// <inheritdoc />
    public override string Format(string value) => $"Answer: {value}";

    /// <inheritdoc />
    public override string Fallback() => string.Empty;

    internal static string OneLine(string text) => string.Join(" / ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
