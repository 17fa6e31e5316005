using System.Text.Json;
using Agents.Decisions;
using Agents.Minds;
using Agents.Tests.Decisions;

namespace Agents.Tests.Minds;

public sealed class ModelMindTests
{
    [Fact]
    public async Task A_model_mind_answers_a_batch_in_order_and_counts_tokens()
    {
        var client = new RuleChatClient();
        var mind = new ModelMind(client);
        var batch = DecisionTests.All();

        var replies = await mind.AnswerAsync(batch, CancellationToken.None);

        Assert.Equal(batch.Count, replies.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.True(batch[i].Accepts(replies[i].Text), batch[i].Type);
        }

        Assert.Equal(batch.Count, mind.Usage.Calls);
        Assert.True(mind.Usage.PromptTokens > 0 && mind.Usage.CompletionTokens > 0);
        Assert.Equal(0, mind.Usage.Failures);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Constrained_replies_send_the_decisions_reply_shape_as_guided_regex(bool constrain)
    {
        var client = new RuleChatClient();
        var mind = new ModelMind(client, new ModelMindOptions(ConstrainReplies: constrain));
        var decision = new ImportanceDecision("A", "Sam Moore is running for mayor");

        await mind.AnswerAsync([decision], CancellationToken.None);

        var sent = client.LastOptions?.AdditionalProperties?.TryGetValue("guided_regex", out string? regex) == true ? regex : null;
        Assert.Equal(constrain ? decision.ReplyShape : null, sent);
    }

    [Fact]
    public async Task Each_request_gets_its_own_seed_from_the_prompt_and_attempt_and_the_same_decision_the_same_seed_in_every_run()
    {
        var first = new ImportanceDecision("A", "Sam Moore is running for mayor");
        var second = new ImportanceDecision("A", "Isabella is planning a party");

        // The first reply of every call is spoiled, so each decision is asked twice.
        var client = new RuleChatClient((call, text) => call % 2 == 1 ? "not a number" : text);
        var mind = new ModelMind(client, new ModelMindOptions(Seed: 42, MaxConcurrency: 1));
        await mind.AnswerAsync([first], CancellationToken.None);
        await mind.AnswerAsync([second], CancellationToken.None);
        var seeds = client.Seeds.ToList();

        Assert.Equal(4, seeds.Count);
        Assert.Equal(4, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.NotNull(s));

        var again = new RuleChatClient();
        await new ModelMind(again, new ModelMindOptions(Seed: 42)).AnswerAsync([first], CancellationToken.None);
        Assert.Equal(seeds[0], again.Seeds.Single());

        var unseeded = new RuleChatClient();
        await new ModelMind(unseeded).AnswerAsync([first], CancellationToken.None);
        Assert.Null(unseeded.Seeds.Single());
    }

    [Fact]
    public async Task Stop_sequences_of_each_decision_are_sent_and_cut_a_rambling_reply_to_one_that_parses()
    {
        // The "model" goes on after every reply: a blank line and more text, or a second line.
        var client = new RuleChatClient((_, text) => text + (text.Contains('\n', StringComparison.Ordinal) ? "\n\nThat is all." : "\nBecause it matters."));
        var mind = new ModelMind(client, new ModelMindOptions(Retries: 0, MaxConcurrency: 1));

        foreach (var decision in DecisionTests.All())
        {
            var reply = (await mind.AnswerAsync([decision], CancellationToken.None))[0];

            Assert.Equal(decision.StopSequences, client.LastOptions?.StopSequences);
            Assert.True(decision.Accepts(reply.Text), $"{decision.Type}: {reply.Text}");
        }

        Assert.Equal(0, mind.Usage.Failures);
    }

    [Fact]
    public async Task A_bad_reply_is_retried_and_a_thrown_call_does_not_escape()
    {
        // Odd calls fail: the first as garbage, the third by throwing; retries get good answers.
        var client = new RuleChatClient((call, text) => call switch { 1 => "garbage", 3 => null, _ => text });
        var mind = new ModelMind(client, new ModelMindOptions(MaxConcurrency: 1, Retries: 1));
        var decision = new ImportanceDecision("A", "Sam Moore is running for mayor");

        var first = await mind.AnswerAsync([decision], CancellationToken.None);
        var second = await mind.AnswerAsync([decision], CancellationToken.None);

        Assert.True(decision.Accepts(first[0].Text));
        Assert.True(decision.Accepts(second[0].Text));
        Assert.Equal(2, first[0].Calls);
        Assert.Equal(2, mind.Usage.Retries);
    }

    [Fact]
    public async Task Beyond_the_call_budget_decisions_get_no_reply()
    {
        var mind = new ModelMind(new RuleChatClient(), new ModelMindOptions(CallBudget: 3, MaxConcurrency: 1));
        var batch = Enumerable.Range(0, 5).Select(i => (IDecision)new ImportanceDecision("A", $"event {i}")).ToList();

        var replies = await mind.AnswerAsync(batch, CancellationToken.None);

        Assert.Equal(3, replies.Count(r => r.Text is not null));
        Assert.Equal(3, mind.Usage.Calls);
        Assert.Equal(2, mind.Usage.Failures);
    }

    [Fact]
    public async Task A_recording_mind_writes_one_chat_line_per_good_answer()
    {
        using var buffer = new StringWriter();
        var inner = new ModelMind(new RuleChatClient((call, text) => call == 2 ? "%%%" : text), new ModelMindOptions(Retries: 0, MaxConcurrency: 1));
        var recorder = new RecordingMind(inner, buffer);
        IDecision[] batch = [new ImportanceDecision("A", "a party"), new ObjectStateDecision("A", "stove", "cook"), new ReactionDecision("A", "reading", "B", "B is reading", "Monday 10:00", [])];

        await recorder.AnswerAsync(batch, CancellationToken.None);

        var lines = buffer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var json = JsonDocument.Parse(lines[0]);
        var messages = json.RootElement.GetProperty("messages");
        Assert.Equal(["system", "user", "assistant"], messages.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.StartsWith("importance\n", messages[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("importance", json.RootElement.GetProperty("decision").GetString());
        Assert.Equal(2, recorder.Written);
    }
}
