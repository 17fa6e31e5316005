using System.Text.RegularExpressions;
using Agents.Minds;

namespace Agents.Collaboration.ChatDev;

/// <summary>
/// Runs one ChatDev phase: the instructor opens with the phase's prompt, then instructor and assistant alternate
/// until a reply's last line starts with "&lt;INFO&gt;" or the turn limit; a phase without a conclusion gets a
/// one-turn reflection between a neutral pair, as in ChatDev: the counselor puts the conversation and the phase's
/// question to the CEO, who answers with a conclusion. Multi-line artifacts ({codes}, {test_reports}) are attached
/// to the prompts verbatim. Thread-safe if the mind is.
/// </summary>
public static partial class ChatPhase
{
    /// <summary>The neutral role that asks the reflection's question.</summary>
    public const string Counselor = "Counselor";

    /// <summary>The role that answers the reflection (ChatDev's CEO).</summary>
    public const string ReflectionAnswerer = "Chief Executive Officer";

    /// <summary>Runs <paramref name="phase"/> with <paramref name="roles"/>' instructions and <paramref name="artifacts"/> filling its prompt.</summary>
    public static async Task<PhaseResult> RunAsync(
        PhaseSpec phase, IReadOnlyDictionary<string, string> roles, IReadOnlyDictionary<string, string> artifacts, IMind mind, MindTally tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(tally);
        var (prompt, attachments) = Compose(phase.Prompt, artifacts);
        var talk = new Conversation(
            prompt,
            [new ConversationRole(phase.Instructor, Instruction(roles, phase.Instructor)), new ConversationRole(phase.Assistant, Instruction(roles, phase.Assistant))],
            TerminationRules.Any(TerminationRules.Marker(), TerminationRules.TurnLimit((2 * phase.TurnLimit) + 1)));
        talk.Say(phase.Instructor, prompt);
        var speaker = phase.Assistant;
        var partner = phase.Instructor;
        while (!talk.IsOver)
        {
            var decision = new PhaseTurnDecision(speaker, partner, Instruction(roles, speaker), phase.Name, prompt, Lines(talk), Attachments: attachments);
            var reply = decision.Resolve(await tally.AskAsync(mind, decision, cancellationToken).ConfigureAwait(false)).Value;
            talk.Say(speaker, reply);
            (speaker, partner) = (partner, speaker);
        }

        var conclusion = TerminationRules.ConclusionOf(talk.Turns[^1].Text);
        if (conclusion is not null || !phase.Reflect)
        {
            return new PhaseResult(phase.Name, conclusion, false, talk);
        }

        var question = $"Here is a conversation between {phase.Instructor} and {phase.Assistant} in the phase {phase.Name}. Its task: {DebateAnswerDecision.OneLine(prompt)} Read it and answer the task; conclude with a last line \"<INFO> your answer\".";
        var reflection = new PhaseTurnDecision(
            ReflectionAnswerer, Counselor, roles.TryGetValue(ReflectionAnswerer, out var ceo) ? ceo : "You are a neutral Chief Executive Officer who reads a conversation and states its conclusion.", phase.Name, prompt, Lines(talk), Reflection: true, Attachments: attachments);
        var reflected = reflection.Resolve(await tally.AskAsync(mind, reflection, cancellationToken).ConfigureAwait(false)).Value;
        var speakers = talk.Roles.Values.Concat([new ConversationRole(Counselor), new ConversationRole(ReflectionAnswerer)]).DistinctBy(r => r.Name, StringComparer.Ordinal);
        var result = new Conversation(prompt, speakers, TerminationRules.TurnLimit(int.MaxValue));
        foreach (var turn in talk.Turns)
        {
            result.Say(turn.Speaker, turn.Text);
        }

        result.Say(Counselor, question);
        result.Say(ReflectionAnswerer, reflected);
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

    /// <summary>
    /// Fills {name} placeholders like <see cref="Fill"/>, except that multi-line or long artifacts become "(attached
    /// below: name)" in the prompt and verbatim "Attached name:" blocks in the returned attachments, each once.
    /// </summary>
    public static (string Prompt, IReadOnlyList<string> Attachments) Compose(string template, IReadOnlyDictionary<string, string> artifacts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(artifacts);
        var attachments = new List<string>();
        var attached = new HashSet<string>(StringComparer.Ordinal);
        var prompt = Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (!artifacts.TryGetValue(name, out var value))
            {
                return m.Value;
            }

            if (!PromptAttachments.NeedsAttaching(value))
            {
                return value;
            }

            if (attached.Add(name))
            {
                attachments.Add(PromptAttachments.Block(name, value));
            }

            return $"(attached below: {name})";
        });
        return (prompt, attachments);
    }

    private static string Instruction(IReadOnlyDictionary<string, string> roles, string role) => roles.TryGetValue(role, out var text) ? text : $"You are the {role}.";

    private static List<string> Lines(Conversation talk) =>
        talk.Turns.Select(t => $"{t.Speaker}: {DebateAnswerDecision.OneLine(t.Text)}").ToList();

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
