using System.Diagnostics.CodeAnalysis;

namespace Agents.Decisions;

/// <summary>The state an object takes while the agent uses it for a task ("brewing coffee").</summary>
/// <param name="Agent">Who uses the object.</param>
/// <param name="Object">The object's name.</param>
/// <param name="Task">The task.</param>
public sealed record ObjectStateDecision(string Agent, string Object, string Task) : Decision<string>
{
    /// <summary>The type name.</summary>
    public const string Name = "object_state";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => "[a-z][a-z,'-]{0,20}( [a-z,'-]{1,20}){0,7}";

    /// <inheritdoc />
    public override int MaxReplyTokens => 16;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ReplyEnds.Line;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "In a few words, what state is the object in while the agent does the task?")
            .Field("Agent", Agent)
            .Field("Object", Object)
            .Field("Task", Task)
            .Reply("a short phrase, e.g. brewing coffee.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out string value)
    {
        var lines = ReplyText.Lines(reply);
        value = lines.Count == 1 ? lines[0].TrimEnd('.').Trim() : null;
        if (value is { Length: > 60 } && value.LastIndexOf(' ', 60) is > 1 and var cut)
        {
            value = value[..cut];
        }

        if (value is null || value.Length is < 2 or > 60 || value.Split(' ').Length > 8 || !System.Text.RegularExpressions.Regex.IsMatch(value, "^[A-Za-z][A-Za-z ,'-]+$"))
        {
            value = null;
            return false;
        }

        value = value.ToLowerInvariant();
        return true;
    }

    /// <inheritdoc />
    public override string Format(string value) => value;

    /// <inheritdoc />
    public override string Fallback() => "in use";
}
