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
/// <param name="Instruction">The role's instruction; null for the built-in one of the solver or the critic.</param>
/// <param name="Execution">What executing the last turn's solution showed; empty on the first turn or without an executor.</param>
public sealed record ExpertTurnDecision(string Agent, string Task, bool Solver, string Draft, IReadOnlyList<string> Discussion, string Advice, string? Instruction = null, string Execution = "") : Decision<string>
{
    /// <summary>The type name.</summary>
    public const string Name = "expert turn";

    /// <summary>The critic's mark of agreement.</summary>
    public const string Agree = "[Agree]";

    /// <summary>The solver's built-in instruction.</summary>
    public const string DefaultSolverInstruction = "You are the solver. Using the discussion, write the solution; end with \"Answer: X\" when the task has a short answer.";

    /// <summary>A critic's built-in instruction.</summary>
    public const string DefaultCriticInstruction = "You are a critic. Point out mistakes in the draft or discussion and how to fix them; reply [Agree] if it is correct.";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"[^\n]+(\n[^\n]*)*";

    /// <inheritdoc />
    public override int MaxReplyTokens => 300;

    /// <inheritdoc />
    public override string Render()
    {
        // Code would be mangled on one line: a draft with a code block, and a long execution report, are attached verbatim.
        var attachments = new List<string>();
        var draft = Draft.Length == 0 ? "(none)" : DebateAnswerDecision.OneLine(Draft);
        if (Draft.Contains("```", StringComparison.Ordinal))
        {
            draft = "(attached below: draft)";
            attachments.Add(PromptAttachments.Block("draft", Draft));
        }

        var execution = Execution.Length == 0 ? null : Execution;
        if (execution is not null && PromptAttachments.NeedsAttaching(execution))
        {
            execution = "(attached below: execution)";
            attachments.Add(PromptAttachments.Block("execution", Execution));
        }

        var task = Task;
        if (Task.Length > 400)
        {
            task = "(attached below: task)";
            attachments.Add(PromptAttachments.Block("task", Task));
        }

        return PromptAttachments.Insert(
            new PromptBuilder(Name, Instruction ?? (Solver ? DefaultSolverInstruction : DefaultCriticInstruction))
                .Field("Agent", Agent)
                .Field("Part", Solver ? "solver" : "critic")
                .Field("Task", task)
                .Field("Draft", draft)
                .List("Discussion", Discussion)
                .Field("Advice", Advice.Length > 0 ? Advice : "(none)")
                .Field("Execution", execution)
                .Reply(Solver ? "the solution." : "[Agree], or your criticism."),
            attachments);
    }

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
