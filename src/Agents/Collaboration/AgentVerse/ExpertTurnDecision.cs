using System.Diagnostics.CodeAnalysis;
using Agents.Decisions;

namespace Agents.Collaboration.AgentVerse;

/// <summary>
/// An expert's turn in the decision stage. A critic reviews the draft or discussion and replies "[Agree]" when it has
/// nothing to add; the solver writes the solution (ending with "Answer: X" where the task has a short answer).
/// </summary>
/// <param name="Agent">The expert's description.</param>
/// <param name="Task">The task.</param>
/// <param name="Solver">True for the solver, false for a critic.</param>
/// <param name="Draft">The solver's current draft; empty when there is none.</param>
/// <param name="Discussion">The discussion so far, one "expert: text" line per turn.</param>
/// <param name="Advice">The last evaluation's advice; empty on the first turn.</param>
public sealed record ExpertTurnDecision(string Agent, string Task, bool Solver, string Draft, IReadOnlyList<string> Discussion, string Advice) : Decision<string>
{
    /// <summary>The type name.</summary>
    public const string Name = "expert turn";

    /// <summary>The critic's mark of agreement.</summary>
    public const string Agree = "[Agree]";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"[^\n]+(\n[^\n]*)*";

    /// <inheritdoc />
    public override int MaxReplyTokens => 300;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(
                Name,
                Solver
                    ? "You are the solver. Using the discussion, write the solution; end with \"Answer: X\" when the task has a short answer."
                    : "You are a critic. Point out mistakes in the draft or discussion and how to fix them; reply [Agree] if it is correct.")
            .Field("Agent", Agent)
            .Field("Part", Solver ? "solver" : "critic")
            .Field("Task", Task)
            .Field("Draft", Draft.Length > 0 ? DebateAnswerDecision.OneLine(Draft) : "(none)")
            .List("Discussion", Discussion)
            .Field("Advice", Advice.Length > 0 ? Advice : "(none)")
            .Reply(Solver ? "the solution." : "[Agree], or your criticism.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out string value)
    {
        value = reply.Trim();
        return value.Length > 0;
    }

    /// <inheritdoc />
    public override string Format(string value) => value;

    /// <inheritdoc />
    public override string Fallback() => Solver ? Draft : Agree;
}
