using Agents.Runtime.Faces;
using Agents.Runtime.Inference;
using Agents.Runtime.Tests.Inference;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Agents.Runtime.Tests.Faces;

[Collection(TinyChatCollection.Name)]
public sealed class LocalChatClientTests(TinyChatModel tiny)
{
    private static readonly List<ChatMessage> Greeting =
        [new ChatMessage(ChatRole.System, "You are a villager."), new ChatMessage(ChatRole.User, "Hello Maria, how are you?")];

    [Fact]
    public async Task The_chat_client_answers_with_usage_and_finish_reason()
    {
        await using var engine = new InferenceEngine(tiny.Thread, tiny.Model, tiny.Tokenizer);
        IChatClient client = new LocalChatClient(engine, "tiny");
        var response = await client.GetResponseAsync(Greeting, new ChatOptions { Temperature = 0, MaxOutputTokens = 30 });
        Assert.Contains("Maria", response.Text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("tiny", response.ModelId);
        Assert.True(response.Usage!.OutputTokenCount > 3);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
        Assert.Equal("tiny", client.GetService<ChatClientMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task Streaming_updates_add_up_to_the_whole_reply()
    {
        await using var engine = new InferenceEngine(tiny.Thread, tiny.Model, tiny.Tokenizer);
        IChatClient client = new LocalChatClient(engine);
        var options = new ChatOptions { Temperature = 0, MaxOutputTokens = 30 };
        var whole = await client.GetResponseAsync(Greeting, options);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Greeting, options))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 2);
        Assert.Equal(whole.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.Single(updates.Select(u => u.ResponseId).Distinct());
    }

    [Fact]
    public async Task Options_map_max_tokens_stop_seed_and_json_schema()
    {
        await using var engine = new InferenceEngine(tiny.Thread, tiny.Model, tiny.Tokenizer);
        IChatClient client = new LocalChatClient(engine);
        var limited = await client.GetResponseAsync(Greeting, new ChatOptions { Temperature = 0, MaxOutputTokens = 2 });
        Assert.Equal(ChatFinishReason.Length, limited.FinishReason);
        var stopped = await client.GetResponseAsync(Greeting, new ChatOptions { Temperature = 0, StopSequences = ["Maria"] });
        Assert.DoesNotContain("Maria", stopped.Text, StringComparison.Ordinal);

        var hot = new ChatOptions { Temperature = 1.5f, TopP = 0.9f, TopK = 50, Seed = 11, MaxOutputTokens = 20 };
        Assert.Equal((await client.GetResponseAsync(Greeting, hot)).Text, (await client.GetResponseAsync(Greeting, hot)).Text);

        var schema = ChatOptionsMapping.ParseSchema("""{"type":"object","properties":{"mood":{"enum":["happy","sad"]},"level":{"type":"integer","minimum":1,"maximum":5}}}""");
        var json = await client.GetResponseAsync(Greeting, new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "mood") });
        using var document = System.Text.Json.JsonDocument.Parse(json.Text);
        Assert.Contains(document.RootElement.GetProperty("mood").GetString(), new[] { "happy", "sad" });
        Assert.InRange(document.RootElement.GetProperty("level").GetInt32(), 1, 5);

        var anyJson = await client.GetResponseAsync(Greeting, new ChatOptions { Temperature = 1, Seed = 3, ResponseFormat = ChatResponseFormat.Json, MaxOutputTokens = 200 });
        Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(anyJson.Text).RootElement.ValueKind);
    }

    [Fact]
    public async Task Semantic_kernel_calls_the_local_model_through_its_chat_client_bridge()
    {
        await using var engine = new InferenceEngine(tiny.Thread, tiny.Model, tiny.Tokenizer);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatCompletionService>(new LocalChatClient(engine).AsChatCompletionService());
        var kernel = builder.Build();
        var answer = await kernel.InvokePromptAsync(
            """<message role="system">You are a villager.</message><message role="user">Hello {{$name}}, how are you?</message>""",
            new KernelArguments(new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0, ["max_tokens"] = 30 } }) { ["name"] = "Klaus" });
        Assert.Contains("Klaus", answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embeddings_are_unit_length_and_closer_for_the_same_text()
    {
        using var generator = new LocalEmbeddingGenerator(tiny.Thread, tiny.Model, tiny.Tokenizer);
        var embeddings = await generator.GenerateAsync(["Hello Maria, how are you?", "Hello Maria, how are you?", "I feel fine today."]);
        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(generator.Dimensions, e.Vector.Length));
        static float Dot(Embedding<float> a, Embedding<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a.Vector.Span, b.Vector.Span);
        Assert.Equal(1f, Dot(embeddings[0], embeddings[0]), 4);
        Assert.Equal(1f, Dot(embeddings[0], embeddings[1]), 4);
        Assert.True(Dot(embeddings[0], embeddings[2]) < 0.999f);
        Assert.True(embeddings.Usage!.InputTokenCount > 5);
    }
}
