using System.Diagnostics.CodeAnalysis;
using Agents.Decisions;

namespace Agents.Arena;

/// <summary>
/// A judge compares two answers to an open-ended task, shown as A and B, and names the better one ("Winner: A",
/// "Winner: B" or "Winner: tie" on the last line). <see cref="SideBySide"/> asks it in both orders.
/// </summary>
/// <param name="Agent">The judge.</param>
/// <param name="Task">The task both answers respond to.</param>
/// <param name="AnswerA">The answer shown first.</param>
/// <param name="AnswerB">The answer shown second.</param>
public sealed record SideBySideDecision(string Agent, string Task, string AnswerA, string AnswerB) : Decision<SideBySideWinner>
{
    /// <summary>The type name.</summary>
    public const string Name = "side by side";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"([^\n]*\n)*Winner: (A|B|tie)";

    /// <inheritdoc />
    public override int MaxReplyTokens => 96;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Compare the two answers to the task. Judge only how well each does the task, not its length or its position.")
            .Field("Agent", Agent)
            .Field("Task", Task)
            .Field("Answer A", AnswerA)
            .Field("Answer B", AnswerB)
            .Reply("a short reason, then \"Winner: A\", \"Winner: B\" or \"Winner: tie\".");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out SideBySideWinner value)
    {
        value = SideBySideWinner.Tie;
        var found = false;
        foreach (var raw in reply.Split('\n'))
        {
            var line = raw.Trim().TrimStart('*', '#', ' ');
            if (!line.StartsWith("Winner:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            switch (line["Winner:".Length..].Trim().Trim('*', '.', ' ').ToUpperInvariant())
            {
                case "A":
                    (value, found) = (SideBySideWinner.A, true);
                    break;
                case "B":
                    (value, found) = (SideBySideWinner.B, true);
                    break;
                case "TIE":
                    (value, found) = (SideBySideWinner.Tie, true);
                    break;
            }
        }

        return found;
    }

    /// <inheritdoc />
    public override string Format(SideBySideWinner value) => $"Winner: {(value == SideBySideWinner.Tie ? "tie" : value.ToString())}";

    /// <inheritdoc />
    public override SideBySideWinner Fallback() => SideBySideWinner.Tie;
}
