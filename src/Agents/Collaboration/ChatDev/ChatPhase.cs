using System.Text.RegularExpressions;
using Agents.Minds;

namespace Agents.Collaboration.ChatDev;

/// <summary>
/// Runs one ChatDev phase: the instructor opens with the phase's prompt, then instructor and assistant alternate
/// until a reply's last line starts with "&lt;INFO&gt;" or the turn limit; a phase without a conclusion gets a
/// one-turn reflection by a neutral pair (a counselor asked to answer the phase's question). Thread-safe if the mind is.
/// </summary>
public static partial class ChatPhase
{
    /// <summary>The neutral role of reflections.</summary>
    public const string Counselor = "Counselor";

    /// <summary>Runs <paramref name="phase"/> with <paramref name="roles"/>' instructions and <paramref name="artifacts"/> filling its prompt.</summary>
    public static async Task<PhaseResult> RunAsync(
        PhaseSpec phase, IReadOnlyDictionary<string, string> roles, IReadOnlyDictionary<string, string> artifacts, IMind mind, MindTally tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(tally);
        var prompt = Fill(phase.Prompt, artifacts);
        var talk = new Conversation(
            prompt,
            [new ConversationRole(phase.Instructor, Instruction(roles, phase.Instructor)), new ConversationRole(phase.Assistant, Instruction(roles, phase.Assistant)), new ConversationRole(Counselor)],
            TerminationRules.Any(TerminationRules.Marker(), TerminationRules.TurnLimit((2 * phase.TurnLimit) + 1)));
        talk.Say(phase.Instructor, prompt);
        var speaker = phase.Assistant;
        var partner = phase.Instructor;
        while (!talk.IsOver)
        {
            var decision = new PhaseTurnDecision(speaker, partner, Instruction(roles, speaker), phase.Name, prompt, Lines(talk));
            var reply = decision.Resolve(await tally.AskAsync(mind, decision, cancellationToken).ConfigureAwait(false)).Value;
            talk.Say(speaker, reply);
            (speaker, partner) = (partner, speaker);
        }

        var conclusion = TerminationRules.ConclusionOf(talk.Turns[^1].Text);
        if (conclusion is not null || !phase.Reflect)
        {
            return new PhaseResult(phase.Name, conclusion, false, talk);
        }

        var reflection = new PhaseTurnDecision(Counselor, phase.Instructor, "You are a neutral counselor who reads a conversation and states its conclusion.", phase.Name, prompt, Lines(talk), Reflection: true);
        var reflected = reflection.Resolve(await tally.AskAsync(mind, reflection, cancellationToken).ConfigureAwait(false)).Value;
        var result = new Conversation(prompt, talk.Roles.Values, TerminationRules.TurnLimit(int.MaxValue));
        foreach (var turn in talk.Turns)
        {
            result.Say(turn.Speaker, turn.Text);
        }

        result.Say(Counselor, reflected);
        result.Stop(talk.StopReason + "; reflected");
        return new PhaseResult(phase.Name, TerminationRules.ConclusionOf(reflected), true, result);
    }

    /// <summary>Fills {name} placeholders from <paramref name="artifacts"/>; unknown ones stay as written.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> artifacts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(artifacts);
        return Placeholder().Replace(template, m => artifacts.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
    }

    private static string Instruction(IReadOnlyDictionary<string, string> roles, string role) => roles.TryGetValue(role, out var text) ? text : $"You are the {role}.";

    private static List<string> Lines(Conversation talk) =>
        talk.Turns.Select(t => $"{t.Speaker}: {DebateAnswerDecision.OneLine(t.Text)}").ToList();

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
