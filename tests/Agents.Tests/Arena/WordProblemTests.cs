using System.Text.RegularExpressions;
using Agents.Arena;
using Agents.Tools;

namespace Agents.Tests.Arena;

public sealed class WordProblemTests
{
    [Fact]
    public void The_solver_reads_back_every_generated_problem_and_agrees_with_the_generator()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            // The generator throws when its own count and the solver disagree; this also checks the calculator.
            foreach (var task in new WordProblemTasks(1, 5, 3).Generate(10, new Random(seed)))
            {
                Assert.True(WordProblem.TryRead(task.Question, out var problem), task.Question);
                Assert.Equal(task.Answer, DecimalExpression.Format(DecimalExpression.Evaluate(problem.Expression)));
                Assert.Equal(task.Answer, TaskSolvers.Solve(task.Question)!.Answer);
            }
        }
    }

    [Fact]
    public void Distractor_numbers_are_in_the_text_but_not_in_the_solution()
    {
        var tasks = new WordProblemTasks(Distractors: 3).Generate(30, new Random(8));
        foreach (var task in tasks)
        {
            WordProblem.TryRead(task.Question, out var problem);
            var inText = Regex.Matches(task.Question, @"\d+").Select(m => long.Parse(m.Value)).ToList();
            var used = new List<long> { problem.Start };
            used.AddRange(problem.Steps.SelectMany(s => s.Factors));

            Assert.InRange(problem.Distractors.Count, 3, 6);
            Assert.Equal(inText.Order(), used.Concat(problem.Distractors).Order());
        }
    }

    [Fact]
    public void A_worked_solution_shows_each_step_with_its_running_total()
    {
        const string question = "Ana has 10 apples. Ben is 9 years old. She buys 3 bags of 4 apples each. She loses 5 apples on the way home. How many apples does Ana have now?";

        var solution = TaskSolvers.Solve(question)!;

        Assert.Equal("17", solution.Answer);
        Assert.Equal("10+3*4-5", solution.Expression);
        Assert.Equal(["Ana starts with 10 apples.", "The numbers 9 do not matter here.", "3*4 = 12; 10 + 12 = 22", "22 - 5 = 17"], solution.Steps);
    }

    [Fact]
    public void A_sale_at_the_end_multiplies_the_whole_count()
    {
        const string question = "Omar has 6 cards. Mira gives him 4 more cards. He sells every card for 3 dollars. How many dollars does he get?";

        Assert.True(WordProblem.TryRead(question, out var problem));
        Assert.Equal(30, problem.Answer);
        Assert.Equal("(6+4)*3", problem.Expression);
    }
}
