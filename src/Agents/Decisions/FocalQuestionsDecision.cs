using System.Diagnostics.CodeAnalysis;

namespace Agents.Decisions;

/// <summary>Reflection's first step: the three most salient high-level questions about the agent's recent memories.</summary>
/// <param name="Agent">Who reflects.</param>
/// <param name="Memories">Recent memories.</param>
public sealed record FocalQuestionsDecision(string Agent, IReadOnlyList<string> Memories) : Decision<IReadOnlyList<string>>
{
    /// <summary>The type name.</summary>
    public const string Name = "focal_questions";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"1\. [^\n]{1,150}\?\n2\. [^\n]{1,150}\?\n3\. [^\n]{1,150}\?";

    /// <inheritdoc />
    public override int MaxReplyTokens => 120;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ["\n\n", "\n4."];

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Given only these memories, what are the 3 most salient high-level questions we can answer about the agent?")
            .Field("Agent", Agent)
            .List("Memories", Memories, 900)
            .Reply("3 numbered questions.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out IReadOnlyList<string> value)
    {
        var questions = new List<string>();
        foreach (var line in ReplyText.Lines(reply))
        {
            var text = line.Length > 3 && char.IsDigit(line[0]) && line[1] == '.' ? line[2..].Trim() : line;
            if (!text.EndsWith('?') || text.Length is < 2 or > 151)
            {
                value = null;
                return false;
            }

            questions.Add(text);
        }

        value = questions;
        return questions.Count == 3;
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<string> value) => string.Join('\n', value.Select((q, i) => $"{i + 1}. {q}"));

    /// <inheritdoc />
    public override IReadOnlyList<string> Fallback() =>
        [$"What matters most to {Agent} right now?", $"Whom has {Agent} spent time with lately?", $"What is {Agent} planning?"];
}
