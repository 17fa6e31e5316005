using System.Diagnostics.CodeAnalysis;
using Agents.Decisions;

namespace Agents.Collaboration;

/// <summary>
/// The judge's two-stage decision after the last round of an adversarial debate (Liang et al.): with no candidates,
/// list the candidate answers ("Candidates: a; b"); with candidates, pick one ("Answer: X").
/// </summary>
/// <param name="Agent">The judge.</param>
/// <param name="Topic">The question.</param>
/// <param name="Debate">The whole debate, one "speaker: text" line per turn.</param>
/// <param name="Candidates">The candidate answers of stage one; empty in stage one.</param>
public sealed record JudgeDecision(string Agent, string Topic, IReadOnlyList<string> Debate, IReadOnlyList<string> Candidates) : Decision<IReadOnlyList<string>>
{
    /// <summary>The type name.</summary>
    public const string Name = "debate judge";

    /// <summary>True in stage two (picking).</summary>
    public bool Picking => Candidates.Count > 0;

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => Picking ? @"(.*\n)*Answer: [^\n]+" : @"Candidates: [^\n]+";

    /// <inheritdoc />
    public override int MaxReplyTokens => 120;

    /// <inheritdoc />
    public override string Render()
    {
        var builder = new PromptBuilder(
                Name,
                Picking ? "Pick the correct answer among the candidates; explain briefly." : "List the candidate answers the two sides gave.")
            .Field("Agent", Agent)
            .Field("Question", Topic)
            .List("Debate", Debate);
        if (Picking)
        {
            builder.List("Candidates", Candidates);
        }

        return builder.Reply(Picking ? "reasoning, then \"Answer: X\"." : "\"Candidates: a; b\".");
    }

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out IReadOnlyList<string> value)
    {
        value = null;
        if (Picking)
        {
            if (!FinalAnswer.TryExtract(reply, out var answer))
            {
                return false;
            }

            value = [answer];
            return true;
        }

        foreach (var line in reply.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("Candidates:", StringComparison.OrdinalIgnoreCase))
            {
                var items = trimmed["Candidates:".Length..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(FinalAnswer.Normalize).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                if (items.Count > 0)
                {
                    value = items;
                    return true;
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<string> value) => Picking ? $"Answer: {value[0]}" : $"Candidates: {string.Join("; ", value)}";

    /// <inheritdoc />
    public override IReadOnlyList<string> Fallback() => Picking ? [Candidates[0]] : [];
}
