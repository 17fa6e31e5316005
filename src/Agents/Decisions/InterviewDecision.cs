using System.Diagnostics.CodeAnalysis;

namespace Agents.Decisions;

/// <summary>An answer, in character, to a question an interviewer asks the agent, from its retrieved memories.</summary>
/// <param name="Agent">Who answers.</param>
/// <param name="Persona">Age, traits and situation in one line.</param>
/// <param name="Question">The question.</param>
/// <param name="Memories">Memories retrieved for the question.</param>
public sealed record InterviewDecision(string Agent, string Persona, string Question, IReadOnlyList<string> Memories) : Decision<string>
{
    /// <summary>The type name.</summary>
    public const string Name = "interview";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => "Answer: [^\n]{1,600}";

    /// <inheritdoc />
    public override int MaxReplyTokens => 200;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ReplyEnds.Line;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Answer the interviewer's question as the agent, in the first person, using only what the memories say.")
            .Field("Agent", Agent)
            .Field("Persona", PromptBuilder.Cut(PromptBuilder.OneLine(Persona, 400), 180))
            .Field("Question", Question)
            .List("Memories", Memories, 800)
            .Reply("Answer: ...");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out string value)
    {
        value = ReplyText.Labelled(reply, "Answer");
        return !string.IsNullOrWhiteSpace(value) && value.Length <= 600;
    }

    /// <inheritdoc />
    public override string Format(string value) => "Answer: " + value;

    /// <inheritdoc />
    public override string Fallback() => "I am not sure; I don't remember anything about that.";
}
