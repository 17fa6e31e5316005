using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Agents.Decisions;

namespace Agents.Arena;

/// <summary>
/// OPRO's meta-prompt (Yang et al. 2023): the scored instructions so far, sorted ascending by score (best last), and
/// a few training problems with their answers; the reply is one new instruction, "Instruction: ...", meant to score
/// higher than all of them. <paramref name="Sample"/> numbers the proposals of one step.
/// </summary>
/// <param name="Agent">The optimiser.</param>
/// <param name="Strategy">The strategy whose instruction is optimised, e.g. "chain-of-thought".</param>
/// <param name="History">Scored instructions, ascending by score.</param>
/// <param name="Examples">Training problems as "question => Answer: X".</param>
/// <param name="Sample">The proposal's number within the step, from 0.</param>
public sealed record InstructionProposalDecision(string Agent, string Strategy, IReadOnlyList<ScoredInstruction> History, IReadOnlyList<string> Examples, int Sample = 0) : Decision<string>
{
    /// <summary>The type name.</summary>
    public const string Name = "instruction proposal";

    /// <summary>The longest instruction kept (characters); longer proposals are cut.</summary>
    public const int MaxInstructionLength = 360;

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"Instruction: [^\n]+";

    /// <inheritdoc />
    public override int MaxReplyTokens => 120;

    /// <summary>The label of the n-th (from 1) instruction of the history in the prompt.</summary>
    public static string InstructionLabel(int n) => $"Instruction {n.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The label of the n-th (from 1) score of the history in the prompt.</summary>
    public static string ScoreLabel(int n) => $"Score {n.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override string Render()
    {
        var builder = new PromptBuilder(
                Name,
                "Write a new instruction for the problems below that scores higher than every instruction listed. Scores are the share of training problems solved; the list goes from worst to best.")
            .Field("Agent", Agent)
            .Field("Strategy", Strategy)
            .Field("Instructions", History.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < History.Count; i++)
        {
            builder.Field(InstructionLabel(i + 1), History[i].Instruction)
                .Field(ScoreLabel(i + 1), History[i].Score.ToString("P0", CultureInfo.InvariantCulture));
        }

        return WorkedExamples.Write(builder, Examples)
            .Field("Sample", Sample.ToString(CultureInfo.InvariantCulture))
            .Reply("\"Instruction: \" and the new instruction on one line, different from every instruction above.");
    }

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out string value)
    {
        value = null;
        foreach (var raw in reply.Split('\n'))
        {
            var line = raw.Trim().TrimStart('*', '#', ' ');
            if (line.StartsWith("Instruction:", StringComparison.OrdinalIgnoreCase))
            {
                var text = PromptBuilder.OneLine(line["Instruction:".Length..].Trim().Trim('"'), MaxInstructionLength);
                if (text.Length > 0)
                {
                    value = text;
                }
            }
        }

        return value is not null;
    }

    /// <inheritdoc />
    public override string Format(string value) => $"Instruction: {value}";

    /// <inheritdoc />
    public override string Fallback() => History.Count > 0 ? History[^1].Instruction : string.Empty;
}
