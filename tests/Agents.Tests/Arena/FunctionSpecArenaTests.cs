using Agents.Arena;
using Agents.Collaboration;
using Agents.Collaboration.AgentVerse;
using Agents.Collaboration.ChatDev;
using Agents.Collaboration.Programs;
using Agents.Decisions;
using Agents.Tests.Collaboration;

namespace Agents.Tests.Arena;

/// <summary>Function specs played by arena strategies: the answer is a program, graded by running it on the hidden tests.</summary>
public sealed class FunctionSpecArenaTests
{
    /// <summary>What an arena strategy running the ChatDev software chain looks like: it answers with the final files.</summary>
    private sealed record ChatDevProgramStrategy(ChatChain Chain) : IArenaStrategy
    {
        public string Name => "chatdev";

        public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
        {
            var spec = FunctionSpecTasks.SpecOf(task);
            var tester = spec is null ? null : new MiniTester([spec.Example]);
            var result = await Chain.RunAsync(spec?.Brief ?? task.Question, context.Mind, context.Tally, tester, cancellationToken).ConfigureAwait(false);
            return result.Files.Count == 0 ? null : CodeBlocks.Render(result.Files);
        }
    }

    /// <summary>AgentVerse with program execution on the visible example (the hidden tests stay for grading).</summary>
    private sealed record AgentVerseProgramStrategy : IArenaStrategy
    {
        public string Name => "agentverse program";

        public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
        {
            var spec = FunctionSpecTasks.SpecOf(task);
            var executor = spec is null ? null : new ProgramExecutor([spec.Example]);
            var result = await new AgentVerseTeam(context.Mind, new AgentVerseOptions(Structure: DecisionStructure.Horizontal), context.Tally).RunAsync(spec?.Brief ?? task.Question, executor, cancellationToken).ConfigureAwait(false);
            return result.Solution;
        }
    }

    private static string Fenced(string program) => $"main.mini\n```mini\n{program}\n```";

    // A teacher that writes the reference program wherever a program is asked for.
    private static RuleMind Teacher() => new(p =>
    {
        var spec = FunctionSpec.TryRead(p[(p.IndexOf("Write the Mini function", StringComparison.Ordinal) is var at and >= 0 ? at : 0)..], out var read) ? read : null;
        return p.Split('\n')[0] switch
        {
            SolveDecision.Name => spec is null ? "Answer: ?" : $"Answer: {spec.ReferenceProgram}",
            PhaseTurnDecision.Name when RuleMind.Field(p, "Agent") == "Programmer" && spec is not null => $"{Fenced(spec.ReferenceProgram)}\n<INFO> Finished",
            RecruitDecision.Name => "1. a programmer\n2. a reviewer",
            ExpertTurnDecision.Name when RuleMind.Field(p, "Part") == "critic" => "[Agree]",
            ExpertTurnDecision.Name => spec is null ? "?" : Fenced(spec.ReferenceProgram),
            EvaluateDecision.Name => "Score: 9\nAdvice: -",
            _ => "<INFO> Finished",
        };
    });

    [Fact]
    public async Task Strategies_answer_function_specs_with_programs_that_pass_the_hidden_tests()
    {
        var tasks = new FunctionSpecTasks().Generate(6, new Random(21));
        var chain = ChatChainFile.Load(TestFiles.Scenario("arena/chatdev-software.yaml"));
        var context = new ArenaContext(Teacher(), new MindTally(), new Dictionary<string, IReadOnlyList<string>>());
        IArenaStrategy[] strategies = [new PromptStrategy(SolveStyle.Direct), new ChatDevProgramStrategy(chain), new AgentVerseProgramStrategy()];

        foreach (var strategy in strategies)
        {
            foreach (var task in tasks)
            {
                var answer = await strategy.SolveAsync(task, context, default);

                Assert.True(task.IsCorrect(answer), $"{strategy.Name} on {task.Question}: {answer}");
            }
        }
    }
}
