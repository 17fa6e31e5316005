using Agents.Minds;

namespace Agents.Collaboration.AgentVerse;

/// <summary>
/// AgentVerse task solving: each turn recruits experts (steered by the last advice), decides horizontally or
/// vertically, executes (here: the solution text is the outcome; no code or tool execution), and evaluates (a score
/// with advice); it repeats until the score reaches success or the turns run out. Thread-safe if the mind is.
/// </summary>
public sealed class AgentVerseTeam
{
    private const string Recruiter = "recruiter";
    private const string Evaluator = "evaluator";
    private readonly IMind _mind;
    private readonly AgentVerseOptions _options;

    /// <summary>Creates a team whose every role is played by <paramref name="mind"/>.</summary>
    public AgentVerseTeam(IMind mind, AgentVerseOptions? options = null, MindTally? tally = null)
    {
        _mind = mind ?? throw new ArgumentNullException(nameof(mind));
        _options = options ?? new AgentVerseOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Experts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxTurns, 1);
        Tally = tally ?? new MindTally();
    }

    /// <summary>What the team has cost so far.</summary>
    public MindTally Tally { get; }

    /// <summary>Solves <paramref name="task"/>.</summary>
    public async Task<AgentVerseResult> RunAsync(string task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var log = new List<(string Speaker, string Text)>();
        var advice = string.Empty;
        var solution = string.Empty;
        var evaluations = new List<Evaluation>();
        var teams = new List<IReadOnlyList<string>>();
        var success = false;
        for (var turn = 0; turn < _options.MaxTurns && !success; turn++)
        {
            var recruit = new RecruitDecision(Recruiter, task, _options.Experts, advice);
            var experts = recruit.Resolve(await Tally.AskAsync(_mind, recruit, cancellationToken).ConfigureAwait(false)).Value;
            teams.Add(experts);
            log.Add((Recruiter, recruit.Format(experts)));

            solution = _options.Structure == DecisionStructure.Horizontal
                ? await HorizontalAsync(task, experts, solution, advice, log, cancellationToken).ConfigureAwait(false)
                : await VerticalAsync(task, experts, advice, log, cancellationToken).ConfigureAwait(false);

            var evaluate = new EvaluateDecision(Evaluator, task, solution);
            var evaluation = evaluate.Resolve(await Tally.AskAsync(_mind, evaluate, cancellationToken).ConfigureAwait(false)).Value;
            evaluations.Add(evaluation);
            log.Add((Evaluator, evaluate.Format(evaluation)));
            advice = evaluation.Advice;
            success = evaluation.Score >= _options.SuccessScore;
        }

        var speakers = log.Select(l => l.Speaker).Distinct(StringComparer.Ordinal).Select(s => new ConversationRole(s));
        var transcript = new Conversation(task, speakers, TerminationRules.TurnLimit(int.MaxValue));
        foreach (var (speaker, text) in log)
        {
            transcript.Say(speaker, text);
        }

        transcript.Stop(success ? "the evaluator accepted the solution" : "turns ran out");
        return new AgentVerseResult(solution, success, evaluations.Count, teams, evaluations, transcript);
    }

    private async Task<string> HorizontalAsync(string task, IReadOnlyList<string> experts, string draft, string advice, List<(string, string)> log, CancellationToken cancellationToken)
    {
        var discussion = new List<string>();
        foreach (var critic in experts.Skip(1))
        {
            var turn = new ExpertTurnDecision(critic, task, false, draft, discussion, advice);
            var said = turn.Resolve(await Tally.AskAsync(_mind, turn, cancellationToken).ConfigureAwait(false)).Value;
            discussion.Add($"{critic}: {DebateAnswerDecision.OneLine(said)}");
            log.Add((critic, said));
        }

        var solve = new ExpertTurnDecision(experts[0], task, true, draft, discussion, advice);
        var solution = solve.Resolve(await Tally.AskAsync(_mind, solve, cancellationToken).ConfigureAwait(false)).Value;
        log.Add((experts[0], solution));
        return solution;
    }

    private async Task<string> VerticalAsync(string task, IReadOnlyList<string> experts, string advice, List<(string, string)> log, CancellationToken cancellationToken)
    {
        var discussion = new List<string>();
        var draft = string.Empty;
        for (var round = 0; round < Math.Max(1, _options.CriticRounds); round++)
        {
            var solve = new ExpertTurnDecision(experts[0], task, true, draft, discussion, advice);
            draft = solve.Resolve(await Tally.AskAsync(_mind, solve, cancellationToken).ConfigureAwait(false)).Value;
            log.Add((experts[0], draft));
            var critics = experts.Skip(1).ToList();
            var reviews = critics.Select(c => new ExpertTurnDecision(c, task, false, draft, discussion, advice)).ToList();
            var replies = await Tally.AskAsync(_mind, reviews, cancellationToken).ConfigureAwait(false);
            var agreed = true;
            for (var i = 0; i < critics.Count; i++)
            {
                var said = reviews[i].Resolve(replies[i]).Value;
                log.Add((critics[i], said));
                if (!said.Contains(ExpertTurnDecision.Agree, StringComparison.OrdinalIgnoreCase))
                {
                    agreed = false;
                    discussion.Add($"{critics[i]}: {DebateAnswerDecision.OneLine(said)}");
                }
            }

            if (agreed)
            {
                break;
            }
        }

        return draft;
    }
}
