using Agents.Runtime.Inference;
using Agents.Runtime.Tokenization;

namespace Agents.Runtime.Tests.Inference;

[Collection(TinyChatCollection.Name)]
public sealed class InferenceEngineTests(TinyChatModel tiny)
{
    private InferenceEngine Engine(int slots = 4, int queue = 16) => new(tiny.Thread, tiny.Model, tiny.Tokenizer, new EngineOptions(slots, queue));

    [Fact]
    public async Task Greedy_reply_with_the_cache_equals_recomputation_without_it()
    {
        await using var engine = Engine();
        var prompt = ChatTemplate.EncodePrompt(tiny.Tokenizer, TinyChatModel.Greeting("Maria"));
        var result = await engine.GenerateAsync(prompt, new SamplingOptions(MaxTokens: 30));
        var reference = await tiny.Thread.RunAsync(() => TextGenerator.Generate(tiny.Model, prompt, 30, 0, 0, new HashSet<int> { tiny.Tokenizer.EndOfMessage, tiny.Tokenizer.EndOfText }));
        var expected = tiny.Tokenizer.Decode(reference.Where(t => t != tiny.Tokenizer.EndOfMessage && t != tiny.Tokenizer.EndOfText));
        Assert.Equal(expected, result.Text);
        Assert.Contains("Maria", result.Text, StringComparison.Ordinal);
        Assert.Equal(FinishReason.Stop, result.Finish);
        Assert.Equal(prompt.Length, result.PromptTokens);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_sampled_reply_and_other_seeds_vary()
    {
        await using var engine = Engine();
        var options = new SamplingOptions(MaxTokens: 20, Temperature: 1.5, TopK: 40, TopP: 0.95, Seed: 7);
        var first = await engine.GenerateAsync(TinyChatModel.Greeting("Tom"), options);
        var again = await engine.GenerateAsync(TinyChatModel.Greeting("Tom"), options);
        Assert.Equal(first.Text, again.Text);
        var others = new HashSet<string>();
        for (var seed = 0; seed < 6; seed++)
        {
            others.Add((await engine.GenerateAsync(TinyChatModel.Greeting("Tom"), options with { Seed = seed })).Text);
        }

        Assert.True(others.Count > 1, "hot sampling with different seeds varies");
    }

    [Fact]
    public async Task A_stop_sequence_ends_the_reply_before_it_and_max_tokens_ends_with_length()
    {
        await using var engine = Engine();
        var full = await engine.GenerateAsync(TinyChatModel.Greeting("Klaus"), new SamplingOptions(MaxTokens: 40));
        var cut = full.Text.IndexOf("Klaus", StringComparison.Ordinal);
        Assert.True(cut > 0, full.Text);
        var stopped = await engine.GenerateAsync(TinyChatModel.Greeting("Klaus"), new SamplingOptions(MaxTokens: 40, Stop: ["Klaus"]));
        Assert.Equal(full.Text[..cut], stopped.Text);
        Assert.Equal(FinishReason.Stop, stopped.Finish);

        var limited = await engine.GenerateAsync(TinyChatModel.Greeting("Klaus"), new SamplingOptions(MaxTokens: 3));
        Assert.Equal(FinishReason.Length, limited.Finish);
        Assert.Equal(3, limited.CompletionTokens);
        Assert.StartsWith(limited.Text, full.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_never_sends_a_partial_stop_sequence()
    {
        await using var engine = Engine();
        var pieces = new List<string>();
        await foreach (var chunk in engine.StreamAsync(TinyChatModel.Greeting("Ayesha"), new SamplingOptions(MaxTokens: 40, Stop: ["feel fine"])))
        {
            pieces.Add(chunk.Text);
        }

        var text = string.Concat(pieces);
        Assert.DoesNotContain("feel", text, StringComparison.Ordinal);
        Assert.True(pieces.Count > 2, "the reply arrives in several chunks");
    }

    [Fact]
    public async Task Logprobs_are_the_model_log_softmax_and_greedy_picks_the_top_one()
    {
        await using var engine = Engine();
        var result = await engine.GenerateAsync(TinyChatModel.Greeting("Isabella"), new SamplingOptions(MaxTokens: 8, Logprobs: true, TopLogprobs: 3));
        Assert.NotNull(result.Logprobs);
        Assert.Equal(result.CompletionTokens, result.Logprobs.Count);
        foreach (var token in result.Logprobs)
        {
            Assert.InRange(token.Logprob, double.NegativeInfinity, 0);
            Assert.Equal(3, token.Top.Count);
            Assert.Equal(token.TokenId, token.Top[0].TokenId);
            Assert.Equal(token.Logprob, token.Top[0].Logprob, 9);
            Assert.True(token.Top[1].Logprob <= token.Top[0].Logprob);
        }
    }

    [Fact]
    public async Task Concurrent_requests_beyond_the_slots_all_finish_with_their_sequential_replies()
    {
        await using var engine = Engine(slots: 2);
        var options = new SamplingOptions(MaxTokens: 24);
        var sequential = new List<string>();
        foreach (var name in TinyChatModel.Names)
        {
            sequential.Add((await engine.GenerateAsync(TinyChatModel.Greeting(name), options)).Text);
        }

        var concurrent = await Task.WhenAll(TinyChatModel.Names.Select(n => engine.GenerateAsync(TinyChatModel.Greeting(n), options)));
        Assert.Equal(sequential, concurrent.Select(r => r.Text));
        Assert.Equal(0, engine.Stats.Active);
    }

    [Fact]
    public async Task Requests_beyond_the_slots_and_the_queue_are_refused_clearly()
    {
        await using var engine = Engine(slots: 1, queue: 1);
        using var cancel = new CancellationTokenSource();
        var long1 = engine.GenerateAsync(TinyChatModel.Greeting("Tom"), new SamplingOptions(MaxTokens: 60, Temperature: 1), cancel.Token);
        var long2 = engine.GenerateAsync(TinyChatModel.Greeting("Tom"), new SamplingOptions(MaxTokens: 60, Temperature: 1), cancel.Token);
        var refused = await Assert.ThrowsAsync<EngineBusyException>(() => engine.GenerateAsync(TinyChatModel.Greeting("Tom"), new SamplingOptions(MaxTokens: 5)));
        Assert.Contains("busy", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, engine.Stats.Refused);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => long1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => long2);
    }

    [Fact]
    public async Task A_cancelled_request_frees_its_slot_for_the_next()
    {
        await using var engine = Engine(slots: 1, queue: 4);
        using var cancel = new CancellationTokenSource();
        var stream = engine.StreamAsync(TinyChatModel.Greeting("Maria"), new SamplingOptions(MaxTokens: 80, Temperature: 1), cancel.Token);
        await using (var reader = stream.GetAsyncEnumerator())
        {
            Assert.True(await reader.MoveNextAsync());
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                while (await reader.MoveNextAsync())
                {
                }
            });
        }

        var next = await engine.GenerateAsync(TinyChatModel.Greeting("Maria"), new SamplingOptions(MaxTokens: 10)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(next.CompletionTokens > 0);
        Assert.Equal(0, engine.Stats.Active);
    }

    [Fact]
    public async Task A_cancelled_waiting_request_gives_its_queue_place_back()
    {
        await using var engine = Engine(slots: 1, queue: 1);
        using var stopFirst = new CancellationTokenSource();
        using var stopWaiting = new CancellationTokenSource();
        var first = engine.GenerateAsync(TinyChatModel.Greeting("Tom"), new SamplingOptions(MaxTokens: 80, Temperature: 1), stopFirst.Token);
        var waiting = engine.GenerateAsync(TinyChatModel.Greeting("Tom"), new SamplingOptions(MaxTokens: 5), stopWaiting.Token);
        await stopWaiting.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        var next = engine.GenerateAsync(TinyChatModel.Greeting("Tom"), new SamplingOptions(MaxTokens: 5));
        await stopFirst.CancelAsync();
        Assert.True((await next.WaitAsync(TimeSpan.FromSeconds(30))).CompletionTokens > 0);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    [Fact]
    public async Task A_shared_prompt_head_is_computed_once_and_the_reply_is_unchanged()
    {
        await using var engine = Engine(slots: 2);
        var options = new SamplingOptions(MaxTokens: 20);
        var first = await engine.GenerateAsync(TinyChatModel.Greeting("Isabella"), options);
        var before = engine.Stats;
        var second = await engine.GenerateAsync(TinyChatModel.Greeting("Klaus"), options);
        var after = engine.Stats;
        var prompt = ChatTemplate.EncodePrompt(tiny.Tokenizer, TinyChatModel.Greeting("Klaus"));
        Assert.True(after.PrefillTokens - before.PrefillTokens < prompt.Length - 5, "the system message and greeting head come from the cache");

        await using var fresh = Engine(slots: 2);
        Assert.Equal((await fresh.GenerateAsync(TinyChatModel.Greeting("Klaus"), options)).Text, second.Text);
        Assert.NotEqual(first.Text, second.Text);
    }

    [Fact]
    public async Task Many_requests_leave_the_live_tensor_count_flat()
    {
        await using var engine = Engine();
        await engine.GenerateAsync(TinyChatModel.Greeting("Tom"), new SamplingOptions(MaxTokens: 10));
        var before = tiny.Thread.LiveTensorCount();
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => engine.GenerateAsync(TinyChatModel.Greeting(TinyChatModel.Names[i % 5]), new SamplingOptions(MaxTokens: 12, Temperature: 1, Seed: i))));
        Assert.Equal(before, tiny.Thread.LiveTensorCount());
    }

    [Fact]
    public async Task Bad_options_and_overlong_prompts_are_refused_with_the_option_named()
    {
        await using var engine = Engine();
        var error = await Assert.ThrowsAsync<RuntimeOptionException>(() => engine.GenerateAsync(TinyChatModel.Greeting("Tom"), new SamplingOptions(TopP: 0)));
        Assert.Contains("top-p", error.Message, StringComparison.Ordinal);
        var tooLong = Enumerable.Repeat(5, engine.ContextLength).ToArray();
        await Assert.ThrowsAsync<RuntimeOptionException>(() => engine.GenerateAsync(tooLong, new SamplingOptions()));
    }

    [Fact]
    public async Task A_step_that_fails_ends_the_replies_in_flight_with_the_error_and_the_engine_goes_on()
    {
        await using var engine = Engine();
        var steps = 0;
        engine.BeforeDecode = () =>
        {
            if (++steps == 3)
            {
                throw new InvalidOperationException("the device went away");
            }
        };
        var options = new SamplingOptions(MaxTokens: 30);
        var replies = new[] { "Maria", "Tom" }.Select(name => engine.GenerateAsync(TinyChatModel.Greeting(name), options)).ToList();
        foreach (var reply in replies)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reply);
            Assert.Contains("the device went away", error.Message, StringComparison.Ordinal);
        }

        var after = await engine.GenerateAsync(TinyChatModel.Greeting("Klaus"), options);
        Assert.Contains("Klaus", after.Text, StringComparison.Ordinal);
        Assert.Equal(0, engine.Stats.Active);
    }
}
