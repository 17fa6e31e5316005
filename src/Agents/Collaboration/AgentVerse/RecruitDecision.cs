using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Agents.Decisions;

namespace Agents.Collaboration.AgentVerse;

/// <summary>The recruiter names the experts for a task as a numbered list ("1. a statistician ..."); earlier advice may steer it.</summary>
/// <param name="Agent">The recruiter.</param>
/// <param name="Task">The task.</param>
/// <param name="Count">Experts to recruit.</param>
/// <param name="Advice">The last evaluation's advice; empty on the first turn.</param>
/// <param name="Instruction">The recruiter's instruction; null for the built-in one.</param>
public sealed record RecruitDecision(string Agent, string Task, int Count, string Advice, string? Instruction = null) : Decision<IReadOnlyList<string>>
{
    /// <summary>The type name.</summary>
    public const string Name = "recruit experts";

    /// <summary>The built-in instruction.</summary>
    public const string DefaultInstruction = "Recruit experts in different fields to solve the task together; describe each in one line.";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"(\d+\. [^\n]+\n?)+";

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, Instruction ?? DefaultInstruction)
            .Field("Agent", Agent)
            .Field("Task", Task)
            .Field("Experts", Count.ToString(CultureInfo.InvariantCulture))
            .Field("Advice", Advice.Length > 0 ? Advice : "(none)")
            .Reply("a numbered list: \"1. ...\", one expert per line.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out IReadOnlyList<string> value)
    {
        var experts = ReplyText.Lines(reply)
            .Select(l => l.Trim())
            .Where(l => l.Length > 2 && char.IsAsciiDigit(l[0]) && l.Contains(". ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(". ", StringComparison.Ordinal) + 2)..].Trim())
            .Where(l => l.Length > 0)
            .Take(Count)
            .ToList();
        value = experts;
        return experts.Count > 0;
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<string> value) => string.Join('\n', value.Select((e, i) => $"{i + 1}. {e}"));

    /// <inheritdoc />
    public override IReadOnlyList<string> Fallback() => Enumerable.Range(1, Count).Select(i => $"a careful generalist (number {i})").ToList();
}
