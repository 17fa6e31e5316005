using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Agents.Decisions;

/// <summary>How poignant a memory is for the agent, 1 (mundane) to 10 (life-changing).</summary>
/// <param name="Agent">Who rates.</param>
/// <param name="Memory">The memory's text.</param>
public sealed record ImportanceDecision(string Agent, string Memory) : Decision<int>
{
    /// <summary>The type name.</summary>
    public const string Name = "importance";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => "(10|[1-9])";

    /// <inheritdoc />
    public override int MaxReplyTokens => 4;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ReplyEnds.Line;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Rate the memory for the agent: 1 is mundane (brushing teeth), 10 is poignant (a break-up).")
            .Field("Agent", Agent)
            .Field("Memory", PromptBuilder.Cut(PromptBuilder.OneLine(Memory, 400), 300))
            .Reply("a number from 1 to 10.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out int value)
    {
        var text = reply.Trim().TrimEnd('.');
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= 10)
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <inheritdoc />
    public override string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override int Fallback() => 3;
}
