using Agents.Arena;
using Agents.Collaboration;
using Agents.Minds;
using Agents.Tools;
using Microsoft.Extensions.AI;

namespace Agents.Tests.Tools;

public sealed class ChatClientReActTests
{
    /// <summary>A rule-based chat client standing for a model behind Microsoft.Extensions.AI.</summary>
    private sealed class RuleChatClient(Func<string, string> answer) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var prompt = messages.Last(m => m.Role == ChatRole.User).Text;
            var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(prompt)))
            {
                Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 10 },
            };
            return Task.FromResult(response);
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task React_runs_over_any_chat_client_and_counts_its_reported_tokens()
    {
        using var client = new RuleChatClient(p => new SimulatedSolverMind().Answer(p));
        var tally = new MindTally();

        var result = await new ReActAgent(new ModelMind(client), ToolBox.FromPlugins(new CalculatorPlugin()), tally: tally).RunAsync("What is the result of 4321*8765?", default);

        Assert.Equal("37873565", result.Answer);
        Assert.Equal(2, tally.ModelCalls);
        Assert.Equal(220, tally.Tokens);
    }
}
