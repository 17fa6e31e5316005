using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Agents.Decisions;

namespace Agents.Tools;

/// <summary>
/// The next ReAct step: given the question, the tools and the numbered trace so far, write "Thought n: ..." and
/// "Action n: Tool[argument]". Anything after an "Observation" line is cut off (the loop writes observations).
/// When <paramref name="ForceFinish"/> is set, only Finish[answer] is accepted.
/// </summary>
/// <remarks>
/// The reply shape (what constrained decoding allows) names only the listed tools, and with
/// <paramref name="GroundedFinish"/> a finish after an observation that is not an error takes a value from the trace: a number or a run
/// of one to three words an observation holds, a whole short observation, or an argument the agent already passed to a
/// tool (<see cref="Grounds"/>). A small model calls the calculator with the right expression but cannot copy its
/// result into Finish (the bundled model wrote Finish[-88] after "Observation 1: -90"); grounded, it chooses among the
/// values it saw. Parsing accepts any finish, so a mind decoding freely is not held to it.
/// </remarks>
/// <param name="Agent">Who reasons.</param>
/// <param name="Question">The task.</param>
/// <param name="Tools">One line per tool, "Name[parameter]: description".</param>
/// <param name="Trace">The numbered Thought / Action / Observation lines so far.</param>
/// <param name="Step">The number of the step to write, from 1.</param>
/// <param name="ForceFinish">True at the step limit: the reply must finish.</param>
/// <param name="Instruction">The instruction; null for the default.</param>
/// <param name="GroundedFinish">True to hold Finish's argument, in the reply shape, to values of the trace once it has an observation that is not an error.</param>
public sealed partial record ReActStepDecision(
    string Agent,
    string Question,
    IReadOnlyList<string> Tools,
    IReadOnlyList<string> Trace,
    int Step,
    bool ForceFinish = false,
    string? Instruction = null,
    bool GroundedFinish = true) : Decision<ReActStep>
{
    /// <summary>The type name.</summary>
    public const string Name = "react step";

    /// <summary>The default instruction.</summary>
    public const string DefaultInstruction =
        "Solve the question by interleaving Thought, Action and Observation steps. Use a tool for every fact or calculation; finish with Finish[answer].";

    /// <inheritdoc />
    public override string Type => Name;

    /// <summary>The answer of an agent that found nothing: a grounded finish may always give it.</summary>
    public const string GiveUp = "unknown";

    /// <summary>The most values of the trace a grounded finish chooses among (the latest are kept), besides <see cref="GiveUp"/>.</summary>
    public const int MaxGrounds = 300;

    /// <inheritdoc />
    public override string ReplyShape
    {
        get
        {
            var grounds = GroundedFinish ? Grounds(Trace) : [];
            var answer = grounds.Count == 0 ? @"[^\]\n]*" : "(" + string.Join('|', grounds.Select(Regex.Escape)) + ")";
            var finish = $@"Finish\[{answer}\]";
            var names = ToolNames.Select(Regex.Escape).ToList();
            var action = ForceFinish || names.Count == 0 ? finish : $@"(({string.Join('|', names)})\[[^\n]*\]|{finish})";
            return $@"(Thought {Step}: [^\n]*\n)?Action {Step}: {action}";
        }
    }

    /// <summary>The names of the tools listed ("Calculate" of "Calculate[expression]: ..."), without Finish.</summary>
    public IReadOnlyList<string> ToolNames =>
        [.. Tools.Select(t => t.Split('[', 2)[0].Trim()).Where(n => n.Length > 0 && !n.Equals("Finish", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The values a grounded finish may take from <paramref name="trace"/>: each tool argument the agent passed, and of
    /// each observation that is not an error (of the loop or of a tool: "Error: unexpected ')' at position 8" grounds
    /// nothing), the whole text when short, its numbers, and its runs of one to three
    /// words (punctuation at their ends left off), in order of appearance, the latest <see cref="MaxGrounds"/> when there
    /// are more; then <see cref="GiveUp"/>. Values with a control character or "]" are left out.
    /// Empty when the trace holds no observation but errors.
    /// </summary>
    public static IReadOnlyList<string> Grounds(IReadOnlyList<string> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var values = new List<string>();
        var observed = false;
        foreach (var raw in trace)
        {
            var line = raw.Trim();
            if (TryLabel(line, "Action", out var written) && ActionParser.TryParse(written, out var action) && !action.IsFinish)
            {
                values.Add(action.Argument);
            }
            else if (TryLabel(line, "Observation", out var seen) && !IsError(seen))
            {
                observed = true;
                values.Add(seen.TrimEnd('.'));
                values.AddRange(Number().Matches(seen).Select(m => m.Value));
                // A run of words stays within a clause: no word but its last ends with punctuation.
                var pieces = seen.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var words = pieces.Select(w => w.Trim(WordEnds)).ToList();
                for (var length = 1; length <= 3; length++)
                {
                    for (var i = 0; i + length <= words.Count; i++)
                    {
                        if (words.Skip(i).Take(length).All(w => w.Length > 0) && pieces.Skip(i).Take(length - 1).All(w => w.TrimEnd(WordEnds).Length == w.Length))
                        {
                            values.Add(string.Join(' ', words.GetRange(i, length)));
                        }
                    }
                }
            }
        }

        if (!observed)
        {
            return [];
        }

        // Over the cap, the latest values stay: the last observation usually holds the answer.
        var usable = values.Where(v => v.Length is > 0 and <= 80 && !v.Contains(']', StringComparison.Ordinal) && !v.Any(char.IsControl)).Distinct(StringComparer.Ordinal).ToList();
        return [.. usable.Skip(Math.Max(0, usable.Count - MaxGrounds)).Where(v => v != GiveUp), GiveUp];
    }

    /// <summary>True for an observation that reports a failure (the loop's "Invalid action" and "Repeated action", a tool's "Error: ...") rather than a result.</summary>
    private static bool IsError(string observation) =>
        observation.StartsWith("Invalid action", StringComparison.Ordinal) || observation.StartsWith("Repeated action", StringComparison.Ordinal)
        || observation.StartsWith("Error:", StringComparison.OrdinalIgnoreCase);

    private static readonly char[] WordEnds = ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')'];

    [GeneratedRegex(@"-?\d+(\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

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
