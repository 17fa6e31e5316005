using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Agents.Decisions;

namespace Agents.Collaboration.AgentVerse;

/// <summary>The evaluator scores a solution and advises: "Score: n" (0-10) and "Advice: ...".</summary>
/// <param name="Agent">The evaluator.</param>
/// <param name="Task">The task.</param>
/// <param name="Solution">The solution to judge.</param>
/// <param name="Instruction">The evaluator's instruction; null for the built-in one.</param>
/// <param name="Execution">What executing the solution showed; empty without an executor.</param>
public sealed record EvaluateDecision(string Agent, string Task, string Solution, string? Instruction = null, string Execution = "") : Decision<Evaluation>
{
    /// <summary>The type name.</summary>
    public const string Name = "evaluate solution";

    /// <summary>The built-in instruction.</summary>
    public const string DefaultInstruction = "Judge whether the solution solves the task. Score 0 (wrong) to 10 (certainly right) and advise how to improve it.";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"Score: (10|[0-9])\nAdvice: [^\n]*";

    /// <inheritdoc />
    public override string Render()
    {
        var attachments = new List<string>();
        var solution = DebateAnswerDecision.OneLine(Solution);
        if (Solution.Contains("```", StringComparison.Ordinal))
        {
            solution = "(attached below: solution)";
            attachments.Add(PromptAttachments.Block("solution", Solution));
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
            new PromptBuilder(Name, Instruction ?? DefaultInstruction)
                .Field("Agent", Agent)
                .Field("Task", task)
                .Field("Solution", solution)
                .Field("Execution", execution)
                .Reply("\"Score: n\" then \"Advice: ...\"."),
            attachments);
    }

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out Evaluation value)
    {
        value = null;
        var score = ReplyText.Labelled(reply, "Score");
        if (score is null || !int.TryParse(score.Trim().Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 10)
        {
            return false;
        }

        value = new Evaluation(n, ReplyText.Labelled(reply, "Advice")?.Trim() ?? string.Empty);
        return true;
    }

    /// <inheritdoc />
    public override string Format(Evaluation value) => $"Score: {value.Score}\nAdvice: {value.Advice}";

    /// <inheritdoc />
    public override Evaluation Fallback() => new(0, string.Empty);
}
