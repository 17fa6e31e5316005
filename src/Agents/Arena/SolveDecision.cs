using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Agents.Collaboration;
using Agents.Decisions;

namespace Agents.Arena;

/// <summary>
/// Solve a task in one reply, in a given style; the reply ends with "Answer: X". <paramref name="Sample"/> numbers
/// the samples of self-consistency (so that even a deterministic mind may vary them).
/// </summary>
/// <param name="Agent">Who solves.</param>
/// <param name="Question">The question.</param>
/// <param name="Style">Direct, few-shot or chain-of-thought.</param>
/// <param name="Examples">Worked examples ("question => answer") for few-shot; empty otherwise.</param>
/// <param name="Sample">The sample's number, from 0.</param>
/// <param name="Instruction">The instruction (the prompt's second line); null for the style's default.</param>
public sealed record SolveDecision(string Agent, string Question, SolveStyle Style, IReadOnlyList<string> Examples, int Sample = 0, string? Instruction = null) : Decision<string>
{
    /// <summary>The type name.</summary>
    public const string Name = "solve";

    /// <summary>The default instruction of a style.</summary>
    public static string DefaultInstruction(SolveStyle style) => style switch
    {
        SolveStyle.ChainOfThought => "Solve the question. Think step by step, one step per line, then give the final answer as \"Answer: X\".",
        SolveStyle.FewShot => "Answer the question like the examples, only as \"Answer: X\".",
        _ => "Answer the question, only as \"Answer: X\".",
    };

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => Style == SolveStyle.ChainOfThought ? @"(.*\n)*Answer: [^\n]+" : @"Answer: [^\n]+";

    /// <inheritdoc />
    /// <remarks>
    /// Worked products make long steps: an expression with two two-digit products takes about 250 tokens in the
    /// curriculum's form when numbers are spelled digit by digit, so chain-of-thought gets 320.
    /// </remarks>
    public override int MaxReplyTokens => Style == SolveStyle.ChainOfThought ? 320 : 24;

    /// <inheritdoc />
    public override string Render()
    {
        var builder = new PromptBuilder(Name, PromptBuilder.OneLine(Instruction ?? DefaultInstruction(Style), 400))
            .Field("Agent", Agent)
            .Field("Style", Style switch { SolveStyle.ChainOfThought => "chain-of-thought", SolveStyle.FewShot => "few-shot", _ => "direct" });
        if (Style == SolveStyle.FewShot)
        {
            WorkedExamples.Write(builder, Examples);
        }

        return builder
            .Field("Question", Question)
            .Field("Sample", Sample.ToString(CultureInfo.InvariantCulture))
            .Reply(Style == SolveStyle.ChainOfThought ? "steps, then \"Answer: X\"." : "\"Answer: X\".");
    }

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out string value) => FinalAnswer.TryExtract(reply, out value);

    /// <inheritdoc />
    public override string Format(string value) => $"Answer: {value}";

    /// <inheritdoc />
    public override string Fallback() => string.Empty;
}
