using Agents.Decisions;
using Agents.Minds;

namespace Agents.Tests.Collaboration;

/// <summary>A rule-based mind for tests: answers each rendered prompt with a function; it stands for a model.</summary>
internal sealed class RuleMind(Func<string, string?> answer) : IMind
{
    public List<string> Prompts { get; } = [];

    public Task<IReadOnlyList<MindReply>> AnswerAsync(IReadOnlyList<IDecision> batch, CancellationToken cancellationToken)
    {
        var replies = new List<MindReply>();
        foreach (var decision in batch)
        {
            var prompt = decision.Render();
            lock (Prompts)
            {
                Prompts.Add(prompt);
            }

            replies.Add(new MindReply(answer(prompt)));
        }

        return Task.FromResult<IReadOnlyList<MindReply>>(replies);
    }

    public static string? Field(string prompt, string label) => new PromptReader(prompt).Field(label);

    public static IReadOnlyList<string> List(string prompt, string label) => new PromptReader(prompt).List(label);
}
