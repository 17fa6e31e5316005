using Agents.Decisions;
using Agents.Minds;

namespace Agents.Collaboration;

/// <summary>
/// Collaborative debate (Du et al. 2023): n agents answer alone, then for r rounds each sees the others' latest
/// answers and may revise; the result is the majority of the parsed final answers (an unparseable one counts as
/// wrong). Each round is one batch per mind. Safe to run several debates at once if the minds are.
/// </summary>
public sealed class CollaborativeDebate
{
    private readonly IReadOnlyList<IMind> _minds;
    private readonly DebateOptions _options;

    /// <summary>Creates a debate among <see cref="DebateOptions.Agents"/> agents all played by <paramref name="mind"/>.</summary>
    public CollaborativeDebate(IMind mind, DebateOptions? options = null, MindTally? tally = null)
        : this(Enumerable.Repeat(mind ?? throw new ArgumentNullException(nameof(mind)), (options ?? new DebateOptions()).Agents).ToList(), options, tally)
    {
    }

    /// <summary>Creates a debate with one mind per agent (their count overrides <see cref="DebateOptions.Agents"/>).</summary>
    public CollaborativeDebate(IReadOnlyList<IMind> minds, DebateOptions? options = null, MindTally? tally = null)
    {
        ArgumentNullException.ThrowIfNull(minds);
        ArgumentOutOfRangeException.ThrowIfLessThan(minds.Count, 1);
        _minds = minds;
        _options = (options ?? new DebateOptions()) with { Agents = minds.Count };
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Rounds);
        Tally = tally ?? new MindTally();
    }

    /// <summary>What the debaters have cost so far.</summary>
    public MindTally Tally { get; }

    /// <summary>Debates <paramref name="question"/>.</summary>
    public async Task<DebateResult> RunAsync(string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var names = Enumerable.Range(1, _options.Agents).Select(i => $"agent {i}").ToList();
        var talk = new Conversation(question, names.Select(n => new ConversationRole(n)), TerminationRules.RoundLimit(_options.Rounds + 1));
        var latest = new string?[names.Count];
        var byRound = new List<IReadOnlyList<string?>>();
        for (var round = 0; !talk.IsOver; round++)
        {
            var decisions = new DebateAnswerDecision[names.Count];
            for (var i = 0; i < names.Count; i++)
            {
                var others = round == 0
                    ? []
                    : Enumerable.Range(0, names.Count).Where(j => j != i).Select(j => latest[j] ?? "(no answer)").ToList();
                decisions[i] = new DebateAnswerDecision(names[i], question, round, latest[i], others);
            }

            var replies = await AskAllAsync(decisions, cancellationToken).ConfigureAwait(false);
            var parsed = new string?[names.Count];
            for (var i = 0; i < names.Count; i++)
            {
                latest[i] = replies[i] ?? string.Empty;
                parsed[i] = decisions[i].TryParse(latest[i]!, out var answer) ? answer : null;
                talk.Say(names[i], latest[i]!);
            }

            byRound.Add(parsed);
            talk.NextRound();
        }

        var final = byRound[^1];
        return new DebateResult(MajorityVote.Of(final), final, byRound, talk);
    }

    private async Task<string?[]> AskAllAsync(IReadOnlyList<IDecision> decisions, CancellationToken cancellationToken)
    {
        var replies = new string?[decisions.Count];
        foreach (var group in Enumerable.Range(0, decisions.Count).GroupBy(i => _minds[i], ReferenceEqualityComparer.Instance))
        {
            var indices = group.ToList();
            var answers = await Tally.AskAsync((IMind)group.Key!, indices.Select(i => decisions[i]).ToList(), cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < indices.Count; k++)
            {
                replies[indices[k]] = answers[k];
            }
        }

        return replies;
    }
}
