using Agents.Minds;

namespace Agents.Collaboration;

/// <summary>
/// Adversarial debate with a judge (Liang et al. 2023, MAD): each round the affirmative and the negative speak, then
/// the moderator returns a structured verdict; the debate stops as soon as the moderator prefers a side (adaptive
/// break). When the rounds run out, a judge lists the candidate answers and picks one. Safe to run several debates
/// at once if the minds are.
/// </summary>
public sealed class AdversarialDebate
{
    private const string Affirmative = "affirmative";
    private const string Negative = "negative";
    private const string Moderator = "moderator";
    private const string Judge = "judge";
    private readonly IMind _affirmative, _negative, _moderator, _judge;
    private readonly int _maxRounds;

    /// <summary>Creates a debate whose every role is played by <paramref name="mind"/>.</summary>
    public AdversarialDebate(IMind mind, int maxRounds = 3, MindTally? tally = null)
        : this(mind, mind, mind, mind, maxRounds, tally)
    {
    }

    /// <summary>Creates a debate with a mind per role.</summary>
    public AdversarialDebate(IMind affirmative, IMind negative, IMind moderator, IMind judge, int maxRounds = 3, MindTally? tally = null)
    {
        _affirmative = affirmative ?? throw new ArgumentNullException(nameof(affirmative));
        _negative = negative ?? throw new ArgumentNullException(nameof(negative));
        _moderator = moderator ?? throw new ArgumentNullException(nameof(moderator));
        _judge = judge ?? throw new ArgumentNullException(nameof(judge));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRounds, 1);
        _maxRounds = maxRounds;
        Tally = tally ?? new MindTally();
    }

    /// <summary>What the roles have cost so far.</summary>
    public MindTally Tally { get; }

    /// <summary>Debates <paramref name="question"/>.</summary>
    public async Task<AdversarialDebateResult> RunAsync(string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var roles = new[] { Affirmative, Negative, Moderator, Judge }.Select(r => new ConversationRole(r));
        var talk = new Conversation(question, roles, TerminationRules.TurnLimit((3 * _maxRounds) + 2));
        var verdicts = new List<Verdict>();
        string? affirmativeAnswer = null, negativeAnswer = null;
        for (var round = 0; round < _maxRounds; round++)
        {
            var forAffirmative = new DebateArgumentDecision(Affirmative, DebateSide.Affirmative, question, round, Lines(talk));
            var affirmativeReply = await Tally.AskAsync(_affirmative, forAffirmative, cancellationToken).ConfigureAwait(false) ?? string.Empty;
            talk.Say(Affirmative, affirmativeReply);
            affirmativeAnswer = forAffirmative.TryParse(affirmativeReply, out var a) ? a : affirmativeAnswer;

            var forNegative = new DebateArgumentDecision(Negative, DebateSide.Negative, question, round, Lines(talk));
            var negativeReply = await Tally.AskAsync(_negative, forNegative, cancellationToken).ConfigureAwait(false) ?? string.Empty;
            talk.Say(Negative, negativeReply);
            negativeAnswer = forNegative.TryParse(negativeReply, out var n) ? n : negativeAnswer;

            var forModerator = new VerdictDecision(Moderator, question, round, Lines(talk));
            var verdict = forModerator.Resolve(await Tally.AskAsync(_moderator, forModerator, cancellationToken).ConfigureAwait(false)).Value;
            verdicts.Add(verdict);
            talk.Say(Moderator, forModerator.Format(verdict));
            if (verdict.HasPreference)
            {
                talk.Stop($"the moderator prefers the {(verdict.Side == DebateSide.Affirmative ? Affirmative : Negative)} side");
                return new AdversarialDebateResult(verdict.Answer, Moderator, round + 1, verdicts, talk);
            }

            talk.NextRound();
        }

        var debate = Lines(talk);
        var listing = new JudgeDecision(Judge, question, debate, []);
        var listed = await Tally.AskAsync(_judge, listing, cancellationToken).ConfigureAwait(false);
        var candidates = listed is not null && listing.TryParse(listed, out var parsed)
            ? parsed
            : new[] { affirmativeAnswer, negativeAnswer }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        talk.Say(Judge, listing.Format(candidates));
        string? answer = null;
        if (candidates.Count > 0)
        {
            var picking = new JudgeDecision(Judge, question, debate, candidates);
            var picked = await Tally.AskAsync(_judge, picking, cancellationToken).ConfigureAwait(false);
            answer = picked is not null && picking.TryParse(picked, out var choice) ? choice[0] : null;
            talk.Say(Judge, picked ?? string.Empty);
        }

        talk.Stop("rounds ran out; the judge decided");
        return new AdversarialDebateResult(answer, Judge, _maxRounds, verdicts, talk);
    }

    private static List<string> Lines(Conversation talk) =>
        talk.Turns.Select(t => $"{t.Speaker}: {DebateAnswerDecision.OneLine(t.Text)}").ToList();
}
