using System.Diagnostics.CodeAnalysis;
using Agents.Decisions;

namespace Agents.Tools;

/// <summary>
/// The next ReAct step: given the question, the tools and the numbered trace so far, write "Thought n: ..." and
/// "Action n: Tool[argument]". Anything after an "Observation" line is cut off (the loop writes observations).
/// When <paramref name="ForceFinish"/> is set, only Finish[answer] is accepted.
/// </summary>
/// <param name="Agent">Who reasons.</param>
/// <param name="Question">The task.</param>
/// <param name="Tools">One line per tool, "Name[parameter]: description".</param>
/// <param name="Trace">The numbered Thought / Action / Observation lines so far.</param>
/// <param name="Step">The number of the step to write, from 1.</param>
/// <param name="ForceFinish">True at the step limit: the reply must finish.</param>
/// <param name="Instruction">The instruction; null for the default.</param>
public sealed record ReActStepDecision(
    string Agent,
    string Question,
    IReadOnlyList<string> Tools,
    IReadOnlyList<string> Trace,
    int Step,
    bool ForceFinish = false,
    string? Instruction = null) : Decision<ReActStep>
{
    /// <summary>The type name.</summary>
    public const string Name = "react step";

    /// <summary>The default instruction.</summary>
    public const string DefaultInstruction =
        "Solve the question by interleaving Thought, Action and Observation steps. Use a tool for every fact or calculation; finish with Finish[answer].";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => ForceFinish
        ? $@"(Thought {Step}: [^\n]*\n)?Action {Step}: Finish\[[^\]\n]*\]"
        : $@"(Thought {Step}: [^\n]*\n)?Action {Step}: [A-Za-z_][A-Za-z0-9_.]*\[[^\n]*\]";

    /// <inheritdoc />
    public override int MaxReplyTokens => 120;

    /// <summary>The model stops where the tool's observation would begin, as ReAct prescribes.</summary>
    public override IReadOnlyList<string> StopSequences => ["\nObservation"];

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, Instruction ?? DefaultInstruction)
            .Field("Agent", Agent)
            .Field("Question", Question)
            .List("Tools", Tools.Append("Finish[answer]: ends the task with the answer."))
            .List("Trace", Trace)
            .Field("Step", Step.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Field("Must finish", ForceFinish ? "yes" : "no")
            .Reply($"\"Thought {Step}: ...\" then \"Action {Step}: Tool[argument]\"{(ForceFinish ? " where the action is Finish[answer]" : string.Empty)}.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out ReActStep value)
    {
        value = null;
        var thought = string.Empty;
        string? actionText = null;
        foreach (var raw in reply.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("Observation", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            if (TryLabel(line, "Thought", out var t) && actionText is null)
            {
                thought = t;
            }
            else if (TryLabel(line, "Action", out var a))
            {
                actionText = a;
                break;
            }
        }

        if (actionText is null || !ActionParser.TryParse(actionText, out var action) || (ForceFinish && !action.IsFinish))
        {
            return false;
        }

        value = new ReActStep(thought, action);
        return true;
    }

    /// <inheritdoc />
    public override string Format(ReActStep value) => $"Thought {Step}: {value.Thought}\nAction {Step}: {value.Action}";

    /// <inheritdoc />
    public override ReActStep Fallback() => new(string.Empty, new ToolAction("Finish", string.Empty));

    /// <summary>The text after "Label n:" (or "Label:") on <paramref name="line"/>.</summary>
    internal static bool TryLabel(string line, string label, out string rest)
    {
        rest = string.Empty;
        if (!line.StartsWith(label, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || line[label.Length..colon].Trim().Any(c => !char.IsAsciiDigit(c)))
        {
            return false;
        }

        rest = line[(colon + 1)..].Trim();
        return true;
    }
}
