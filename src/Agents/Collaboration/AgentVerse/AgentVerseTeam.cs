using Agents.Minds;

namespace Agents.Collaboration.AgentVerse;

/// <summary>
/// AgentVerse task solving in turns of four stages: recruit experts (a numbered list, steered by the last advice),
/// decide (horizontal: each critic speaks in turn, then the solver writes the solution; vertical: the solver drafts
/// and the critics review it until all agree or the critic rounds run out), execute (an <see cref="ISolutionExecutor"/>
/// runs the solution's program or checks its arithmetic), and evaluate (a score with advice, seeing the execution).
/// It repeats until the score reaches success with an execution that found no fault, or the turns run out; the next
/// turn starts from the last solution, its advice and its execution report. Thread-safe if the mind is.
/// </summary>
public sealed class AgentVerseTeam
{
    private const string Recruiter = "recruiter";
    private const string Evaluator = "evaluator";
    private readonly IMind _mind;
    private readonly AgentVerseOptions _options;
    private readonly AgentVersePrompts _prompts;

    /// <summary>Creates a team whose every role is played by <paramref name="mind"/>.</summary>
    public AgentVerseTeam(IMind mind, AgentVerseOptions? options = null, MindTally? tally = null)
    {
        _mind = mind ?? throw new ArgumentNullException(nameof(mind));
        _options = options ?? new AgentVerseOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Experts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxTurns, 1);
        _prompts = _options.Prompts ?? new AgentVersePrompts();
        Tally = tally ?? new MindTally();
    }

    /// <summary>What the team has cost so far.</summary>
    public MindTally Tally { get; }

    /// <summary>Solves <paramref name="task"/> without an execution stage.</summary>
    public Task<AgentVerseResult> RunAsync(string task, CancellationToken cancellationToken) => RunAsync(task, null, cancellationToken);

    /// <summary>Solves <paramref name="task"/>, executing each turn's solution with <paramref name="executor"/> (none when null).</summary>
    public async Task<AgentVerseResult> RunAsync(string task, ISolutionExecutor? executor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var log = new List<(string Speaker, string Text)>();
        var advice = string.Empty;
        var solution = string.Empty;
        var lastExecution = string.Empty;
        var evaluations = new List<Evaluation>();
        var executions = new List<ExecutionResult>();
        var teams = new List<IReadOnlyList<string>>();
        var success = false;
        for (var turn = 0; turn < _options.MaxTurns && !success; turn++)
        {
            var recruit = new RecruitDecision(Recruiter, task, _options.Experts, advice, _prompts.Recruiter);
            var experts = recruit.Resolve(await Tally.AskAsync(_mind, recruit, cancellationToken).ConfigureAwait(false)).Value;
            teams.Add(experts);
            log.Add((Recruiter, recruit.Format(experts)));

            var context = new TurnContext(task, experts, solution, advice, lastExecution, log);
            solution = _options.Structure == DecisionStructure.Horizontal
                ? await HorizontalAsync(context, cancellationToken).ConfigureAwait(false)
                : await VerticalAsync(context, cancellationToken).ConfigureAwait(false);

            var execution = executor?.Execute(task, solution) ?? ExecutionResult.None;
            executions.Add(execution);
            if (executor is not null)
            {
                log.Add((executor.Name, execution.Report));
            }

            lastExecution = executor is null ? string.Empty : execution.Report;
            var evaluate = new EvaluateDecision(Evaluator, task, solution, _prompts.Evaluator, lastExecution);
            var evaluation = evaluate.Resolve(await Tally.AskAsync(_mind, evaluate, cancellationToken).ConfigureAwait(false)).Value;
            evaluations.Add(evaluation);
            log.Add((Evaluator, evaluate.Format(evaluation)));
            advice = evaluation.Advice;
            success = evaluation.Score >= _options.SuccessScore && execution.Passed != false;
        }

        var speakers = log.Select(l => l.Speaker).Distinct(StringComparer.Ordinal).Select(s => new ConversationRole(s));
        var transcript = new Conversation(task, speakers, TerminationRules.TurnLimit(int.MaxValue));
        foreach (var (speaker, text) in log)
        {
            transcript.Say(speaker, text);
        }

        transcript.Stop(success ? "the evaluator accepted the solution" : "turns ran out");
        return new AgentVerseResult(solution, success, evaluations.Count, teams, evaluations, transcript, executions);
    }

    private ExpertTurnDecision Turn(TurnContext context, string expert, bool solver, string draft, IReadOnlyList<string> discussion) =>
        new(expert, context.Task, solver, draft, discussion, context.Advice, solver ? _prompts.Solver : _prompts.Critic, context.Execution);

    private async Task<string> HorizontalAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var discussion = new List<string>();
        foreach (var critic in context.Experts.Skip(1))
        {
            var turn = Turn(context, critic, false, context.Previous, discussion);
            var said = turn.Resolve(await Tally.AskAsync(_mind, turn, cancellationToken).ConfigureAwait(false)).Value;
            discussion.Add($"{critic}: {DebateAnswerDecision.OneLine(said)}");
            context.Log.Add((critic, said));
        }

        var solve = Turn(context, context.Experts[0], true, context.Previous, discussion);
        var solution = solve.Resolve(await Tally.AskAsync(_mind, solve, cancellationToken).ConfigureAwait(false)).Value;
        context.Log.Add((context.Experts[0], solution));
        return solution;
    }

    private async Task<string> VerticalAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var discussion = new List<string>();
        var draft = context.Previous;
        for (var round = 0; round < Math.Max(1, _options.CriticRounds); round++)
        {
            var solve = Turn(context, context.Experts[0], true, draft, discussion);
            draft = solve.Resolve(await Tally.AskAsync(_mind, solve, cancellationToken).ConfigureAwait(false)).Value;
            context.Log.Add((context.Experts[0], draft));
            var critics = context.Experts.Skip(1).ToList();
            var reviews = critics.Select(c => Turn(context, c, false, draft, discussion)).ToList();
            var replies = await Tally.AskAsync(_mind, reviews, cancellationToken).ConfigureAwait(false);
            var agreed = true;
            for (var i = 0; i < critics.Count; i++)
            {
                var said = reviews[i].Resolve(replies[i]).Value;
                context.Log.Add((critics[i], said));
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

    private sealed record TurnContext(string Task, IReadOnlyList<string> Experts, string Previous, string Advice, string Execution, List<(string Speaker, string Text)> Log);
}
