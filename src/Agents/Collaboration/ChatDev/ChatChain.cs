using Agents.Minds;

namespace Agents.Collaboration.ChatDev;

/// <summary>
/// A ChatDev-style chat chain: phases in order, each a conversation between an instructor and an assistant role; a
/// phase's conclusion becomes an artifact that later prompts read through {placeholders}; composed phases cycle up
/// to their count and stop early on their condition. Immutable; runs are independent.
/// </summary>
public sealed class ChatChain
{
    /// <summary>Creates a chain of <paramref name="steps"/> with <paramref name="roles"/>' system prompts by role name.</summary>
    public ChatChain(IReadOnlyDictionary<string, string> roles, IReadOnlyList<ChainStep> steps)
    {
        Roles = roles ?? throw new ArgumentNullException(nameof(roles));
        Steps = steps ?? throw new ArgumentNullException(nameof(steps));
    }

    /// <summary>The roles' system prompts, by role name.</summary>
    public IReadOnlyDictionary<string, string> Roles { get; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<ChainStep> Steps { get; }

    /// <summary>Runs the chain on <paramref name="task"/> (the {task} artifact) with <paramref name="mind"/> playing every role.</summary>
    public async Task<ChatChainResult> RunAsync(string task, IMind mind, MindTally? tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(mind);
        tally ??= new MindTally();
        var artifacts = new Dictionary<string, string>(StringComparer.Ordinal) { ["task"] = task };
        var results = new List<PhaseResult>();
        foreach (var step in Steps)
        {
            if (step.Phase is { } single)
            {
                await RunPhaseAsync(single).ConfigureAwait(false);
                continue;
            }

            var stop = false;
            for (var cycle = 0; cycle < step.Repeat && !stop; cycle++)
            {
                foreach (var phase in step.Phases)
                {
                    var result = await RunPhaseAsync(phase).ConfigureAwait(false);
                    if (step.StopWhen is { } marker && result.Conclusion is { } conclusion && conclusion.Contains(marker, StringComparison.OrdinalIgnoreCase))
                    {
                        stop = true;
                        break;
                    }
                }
            }
        }

        return new ChatChainResult(artifacts, results);

        async Task<PhaseResult> RunPhaseAsync(PhaseSpec phase)
        {
            var result = await ChatPhase.RunAsync(phase, Roles, artifacts, mind, tally, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            if (phase.Output is { } output && result.Conclusion is { } conclusion)
            {
                artifacts[output] = conclusion;
            }

            return result;
        }
    }
}
