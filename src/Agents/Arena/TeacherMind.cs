using Agents.Decisions;
using Agents.Minds;
using Agents.Tools;

namespace Agents.Arena;

/// <summary>
/// The arena's programmatic solvers (<see cref="TaskSolvers"/>) as a mind: exact answers to solve decisions (worked
/// steps for chain-of-thought, the bare answer otherwise), exact ReAct steps, and rubric verdicts side by side (a tie
/// when the rubric ties, so no position bias). Other decisions, and questions it cannot solve, get an empty reply
/// (which does not parse). Used to write curricula and as the reference in tests. Deterministic and thread-safe.
/// </summary>
public sealed class TeacherMind : IMind
{
    /// <inheritdoc />
    public Task<IReadOnlyList<MindReply>> AnswerAsync(IReadOnlyList<IDecision> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Task.FromResult<IReadOnlyList<MindReply>>(batch.Select(d => new MindReply(Answer(d))).ToList());
    }

    /// <summary>The teacher's reply to one decision (empty when it has none).</summary>
    public static string Answer(IDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        switch (decision)
        {
            case SolveDecision solve:
                var solution = TaskSolvers.Solve(solve.Question);
                return solution is null ? string.Empty
                    : solve.Style == SolveStyle.ChainOfThought ? string.Join('\n', solution.Steps.Append($"Answer: {solution.Answer}"))
                    : $"Answer: {solution.Answer}";
            case ReActStepDecision step:
                var (thought, action) = TaskSolvers.NextReActStep(step.Question, step.Trace, step.ForceFinish);
                return $"Thought {step.Step}: {thought}\nAction {step.Step}: {action}";
            case SideBySideDecision judge when OpenEndedTasks.TryReadBrief(judge.Task, out var brief):
                var a = SloganRubric.Score(brief, judge.AnswerA);
                var b = SloganRubric.Score(brief, judge.AnswerB);
                return $"A scores {a} of {SloganRubric.MaxScore(brief)}, B scores {b}.\n{judge.Format(a > b ? SideBySideWinner.A : b > a ? SideBySideWinner.B : SideBySideWinner.Tie)}";
            default:
                return string.Empty;
        }
    }
}
