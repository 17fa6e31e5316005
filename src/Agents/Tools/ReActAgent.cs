using Agents.Collaboration;
using Agents.Minds;

namespace Agents.Tools;

/// <summary>
/// The ReAct loop (Yao et al.): the mind writes a numbered thought and action, the loop stops there, calls the tool,
/// appends the observation and asks again, until Finish[answer] or the step limit, where it forces a finish. An
/// unparseable reply is asked once more for just the action, then becomes "Invalid action: ..."; a repeated action
/// is not run again, and too many repeats force the finish (the loop breaker lives outside the model).
/// One episode at a time per instance when its tools keep state (the knowledge base does).
/// </summary>
public sealed class ReActAgent
{
    private const string AgentRole = "agent";
    private const string ToolRole = "tools";
    private readonly IMind _mind;
    private readonly ToolBox _tools;
    private readonly ReActOptions _options;

    /// <summary>Creates the agent; <paramref name="tally"/> adds up its costs (a new one when null).</summary>
    public ReActAgent(IMind mind, ToolBox tools, ReActOptions? options = null, MindTally? tally = null)
    {
        _mind = mind ?? throw new ArgumentNullException(nameof(mind));
        _tools = tools ?? throw new ArgumentNullException(nameof(tools));
        _options = options ?? new ReActOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxSteps, 1);
        Tally = tally ?? new MindTally();
    }

    /// <summary>What the agent's mind has cost so far.</summary>
    public MindTally Tally { get; }

    /// <summary>Runs one episode on <paramref name="question"/>.</summary>
    public async Task<ReActResult> RunAsync(string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var talk = new Conversation(question, [new ConversationRole(AgentRole), new ConversationRole(ToolRole)], TerminationRules.TurnLimit((3 * _options.MaxSteps) + 3));
        var trace = new List<string>();
        var tools = _tools.Describe();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int invalid = 0, repeats = 0;
        for (var step = 1; step <= _options.MaxSteps; step++)
        {
            var decision = new ReActStepDecision(_options.Agent, question, tools, trace, step, Instruction: _options.Instruction, GroundedFinish: _options.GroundedFinish);
            var reply = await Tally.AskAsync(_mind, decision, cancellationToken).ConfigureAwait(false);
            ReActStep? parsed = null;
            if (reply is null || !decision.TryParse(reply, out parsed))
            {
                var again = decision with { Instruction = $"Your last reply had no valid action. Write only \"Action {step}: Tool[argument]\"." };
                var second = await Tally.AskAsync(_mind, again, cancellationToken).ConfigureAwait(false);
                if (second is not null && again.TryParse(second, out var retried))
                {
                    parsed = retried with { Thought = ThoughtOf(reply) };
                }
            }

            string observation;
            if (parsed is null)
            {
                invalid++;
                var thought = ThoughtOf(reply);
                var written = ActionTextOf(reply);
                Record(talk, trace, $"Thought {step}: {thought}", AgentRole);
                Record(talk, trace, $"Action {step}: {written}", AgentRole);
                observation = $"Invalid action: could not parse '{written}'. Write Action {step + 1}: Tool[argument] or Finish[answer].";
            }
            else
            {
                Record(talk, trace, $"Thought {step}: {parsed.Thought}", AgentRole);
                Record(talk, trace, $"Action {step}: {parsed.Action}", AgentRole);
                if (parsed.Action.IsFinish)
                {
                    talk.Stop("finished");
                    return new ReActResult(parsed.Action.Argument, false, step, invalid, repeats, talk);
                }

                if (seen.TryGetValue(parsed.Action.Key, out var earlier))
                {
                    repeats++;
                    observation = $"Repeated action: {parsed.Action} was already done at step {earlier}; its result is above. Try another action or Finish[answer].";
                    if (repeats >= _options.RepeatLimit)
                    {
                        Record(talk, trace, $"Observation {step}: {observation}", ToolRole);
                        return await ForceFinishAsync(question, tools, trace, talk, step + 1, step, invalid, repeats, "repeated actions", cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    seen[parsed.Action.Key] = step;
                    observation = await _tools.InvokeAsync(parsed.Action, cancellationToken).ConfigureAwait(false);
                    if (observation.StartsWith("Invalid action:", StringComparison.Ordinal))
                    {
                        invalid++;
                    }
                }
            }

            Record(talk, trace, $"Observation {step}: {observation}", ToolRole);
        }

        return await ForceFinishAsync(question, tools, trace, talk, _options.MaxSteps + 1, _options.MaxSteps, invalid, repeats, "step limit", cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReActResult> ForceFinishAsync(
        string question, IReadOnlyList<string> tools, List<string> trace, Conversation talk, int step, int taken, int invalid, int repeats, string why, CancellationToken cancellationToken)
    {
        var decision = new ReActStepDecision(_options.Agent, question, tools, trace, step, ForceFinish: true, Instruction: _options.Instruction, GroundedFinish: _options.GroundedFinish);
        var reply = await Tally.AskAsync(_mind, decision, cancellationToken).ConfigureAwait(false);
        var answer = reply is not null && decision.TryParse(reply, out var parsed) ? parsed.Action.Argument : string.Empty;
        Record(talk, trace, $"Action {step}: Finish[{answer}]", AgentRole);
        talk.Stop($"forced finish ({why})");
        return new ReActResult(answer, true, taken + 1, invalid, repeats, talk);
    }

    private static void Record(Conversation talk, List<string> trace, string line, string role)
    {
        trace.Add(line);
        talk.Say(role, line);
    }

    private static string ThoughtOf(string? reply)
    {
        foreach (var line in (reply ?? string.Empty).Split('\n'))
        {
            if (ReActStepDecision.TryLabel(line.Trim(), "Thought", out var thought))
            {
                return thought;
            }
        }

        return string.Empty;
    }

    private static string ActionTextOf(string? reply)
    {
        foreach (var line in (reply ?? string.Empty).Split('\n'))
        {
            if (ReActStepDecision.TryLabel(line.Trim(), "Action", out var action))
            {
                return action;
            }
        }

        var first = (reply ?? string.Empty).Trim().Split('\n')[0];
        return first.Length > 80 ? first[..80] : first;
    }
}
