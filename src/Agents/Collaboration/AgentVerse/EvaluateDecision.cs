using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Agents.Decisions;

namespace Agents.Collaboration.AgentVerse;

/// <summary>The evaluator scores a solution and advises: "Score: n" (0-10) and "Advice: ...".</summary>
/// <param name="Agent">The evaluator.</param>
/// <param name="Task">The task.</param>
/// <param name="Solution">The solution to judge.</param>
public sealed record EvaluateDecision(string Agent, string Task, string Solution) : Decision<Evaluation>
{
    /// <summary>The type name.</summary>
    public const string Name = "evaluate solution";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"Score: (10|[0-9])\nAdvice: [^\n]*";

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Judge whether the solution solves the task. Score 0 (wrong) to 10 (certainly right) and advise how to improve it.")
            .Field("Agent", Agent)
            .Field("Task", Task)
            .Field("Solution", DebateAnswerDecision.OneLine(Solution))
            .Reply("\"Score: n\" then \"Advice: ...\".");

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
