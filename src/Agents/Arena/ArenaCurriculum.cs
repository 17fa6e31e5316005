using Agents.Decisions;
using Agents.Minds;

namespace Agents.Arena;

/// <summary>
/// Writes a curriculum for the arena: the programmatic solvers (<see cref="TeacherMind"/>) play the strategies a
/// teacher can play (direct, few-shot, chain-of-thought, self-consistency, ReAct) on generated items, and every
/// decision call becomes one chat JSONL line, <c>{"messages":[system, user, assistant], "decision": type}</c>, with
/// the user prompt exactly as the strategy's decision renders it (each ReAct step is one line, the trace so far in its
/// prompt). Only items the strategy then answers correctly are written (judged items: when the reply parses).
/// Stateless and thread-safe; the writer is the caller's.
/// </summary>
public static class ArenaCurriculum
{
    /// <summary>
    /// The strategies of <paramref name="strategies"/> the teacher can play, each once; chain-of-thought and ReAct when
    /// none can. ReAct with and without a grounded finish is one strategy here: the teacher writes the same episodes.
    /// </summary>
    public static IReadOnlyList<IArenaStrategy> Playable(IReadOnlyList<IArenaStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        var playable = strategies.Where(s => s is PromptStrategy or SelfConsistencyStrategy or ReActStrategy)
            .Select(s => s is ReActStrategy react ? react with { GroundedFinish = true } : s)
            .Distinct()
            .ToList();
        return playable.Count > 0 ? playable : [new PromptStrategy(SolveStyle.ChainOfThought), new ReActStrategy()];
    }

    /// <summary>
    /// Writes the traces of <see cref="Playable"/> strategies on the items of <paramref name="sets"/>, drawn from
    /// <paramref name="seed"/> (use another seed than the arena's, so the curriculum does not hold its test items).
    /// </summary>
    public static async Task<CurriculumSummary> WriteAsync(
        IReadOnlyList<TaskSetSpec> sets, IReadOnlyList<IArenaStrategy> strategies, int seed, int examples, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(writer);
        var playing = Playable(strategies);
        var (items, worked) = ArenaRunner.Generate(sets, seed, examples);
        var recorder = new Recorder(new TeacherMind());
        var byDecision = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long lines = 0;
        int written = 0, dropped = 0;
        foreach (var item in items)
        {
            var solvedOnce = false;
            foreach (var strategy in playing)
            {
                recorder.Lines.Clear();
                var context = new ArenaContext(recorder, new Collaboration.MindTally(), worked);
                var answer = await strategy.SolveAsync(item, context, cancellationToken).ConfigureAwait(false);
                if (item.Judged ? answer is null : !item.IsCorrect(answer))
                {
                    continue;
                }

                solvedOnce = true;
                foreach (var (type, line) in recorder.Lines)
                {
                    await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                    byDecision[type] = byDecision.GetValueOrDefault(type) + 1;
                    lines++;
                }
            }

            if (solvedOnce)
            {
                written++;
            }
            else
            {
                dropped++;
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new CurriculumSummary(lines, written, dropped, byDecision, playing.Select(s => s.Name).ToList());
    }

    // Keeps the lines of one episode until the caller knows whether it ended well.
    private sealed class Recorder(IMind inner) : IMind
    {
        public List<(string Type, string Line)> Lines { get; } = [];

        public async Task<IReadOnlyList<MindReply>> AnswerAsync(IReadOnlyList<IDecision> batch, CancellationToken cancellationToken)
        {
            var replies = await inner.AnswerAsync(batch, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                if (replies[i].Text is { } text && batch[i].Accepts(text))
                {
                    Lines.Add((batch[i].Type, RecordingMind.Line(batch[i], text)));
                }
            }

            return replies;
        }
    }
}
