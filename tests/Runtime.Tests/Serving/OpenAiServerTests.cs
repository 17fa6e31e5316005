using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Agents.Runtime.Faces;
using Agents.Runtime.Inference;
using Agents.Runtime.Serving;
using Agents.Runtime.Tests.Inference;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Agents.Runtime.Tests.Serving;

[Collection(TinyChatCollection.Name)]
public sealed class OpenAiServerTests(TinyChatModel tiny) : IAsyncLifetime
{
    private const string Key = "sk-test";
    private const string Greeting = """[{"role":"system","content":"You are a villager."},{"role":"user","content":"Hello Maria, how are you?"}]""";
    private InferenceEngine engine = null!;
    private OpenAiServer server = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        engine = new InferenceEngine(tiny.Thread, tiny.Model, tiny.Tokenizer, new EngineOptions(Slots: 2, MaxQueue: 2));
        var embeddings = new LocalEmbeddingGenerator(tiny.Thread, tiny.Model, tiny.Tokenizer, "tiny");
        server = await OpenAiServer.StartAsync(engine, embeddings, new ServerOptions(Port: 0, ApiKey: Key, ModelId: "tiny", MaxBodyBytes: 4096, MaxTokens: 64));
        http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
        await engine.DisposeAsync();
    }

    [Fact]
    public async Task Health_and_models_answer_and_the_server_binds_loopback()
    {
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        using var health = await new HttpClient { BaseAddress = server.BaseAddress }.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"ok\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var models = JsonDocument.Parse(await http.GetStringAsync("v1/models"));
        Assert.Equal("tiny", models.RootElement.GetProperty("data")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_chat_completion_has_the_reply_usage_and_finish_reason()
    {
        using var reply = await PostAsync("v1/chat/completions", $$"""{"model":"tiny","messages":{{Greeting}},"temperature":0,"max_tokens":40}""");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Contains("Maria", root.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("stop", root.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        var usage = root.GetProperty("usage");
        Assert.Equal(usage.GetProperty("prompt_tokens").GetInt32() + usage.GetProperty("completion_tokens").GetInt32(), usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Streaming_sends_chunks_with_one_id_then_usage_then_done()
    {
        using var reply = await PostAsync("v1/chat/completions", $$$"""{"messages":{{{Greeting}}},"temperature":0,"stream":true,"stream_options":{"include_usage":true}}""");
        Assert.Equal("text/event-stream", reply.Content.Headers.ContentType!.MediaType);
        var events = (await reply.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.Equal("stop", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(0, chunks[^1].GetProperty("choices").GetArrayLength());
        Assert.True(chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt32() > 3);
        var text = string.Concat(chunks.SkipLast(1).Select(c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var t) ? t.GetString() : string.Empty));
        Assert.Contains("Maria", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logprobs_on_request_come_per_token_with_top_alternatives()
    {
        using var reply = await PostAsync("v1/chat/completions", $$"""{"messages":{{Greeting}},"temperature":0,"max_tokens":6,"logprobs":true,"top_logprobs":2}""");
        using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        var choice = json.RootElement.GetProperty("choices")[0];
        var content = choice.GetProperty("logprobs").GetProperty("content");
        Assert.Equal(json.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32(), content.GetArrayLength());
        foreach (var token in content.EnumerateArray())
        {
            Assert.True(token.GetProperty("logprob").GetDouble() <= 0);
            Assert.Equal(2, token.GetProperty("top_logprobs").GetArrayLength());
            Assert.Equal(token.GetProperty("token").GetString(), token.GetProperty("top_logprobs")[0].GetProperty("token").GetString());
        }
    }

    [Fact]
    public async Task A_json_schema_response_format_gives_valid_json()
    {
        var body = """{"messages":""" + Greeting + """
            ,"temperature":1,"seed":4,"response_format":{"type":"json_schema","json_schema":{"name":"mood","strict":true,
             "schema":{"type":"object","properties":{"mood":{"enum":["happy","sad"]},"score":{"type":"integer","minimum":-3,"maximum":3}}}}}}
            """;
        using var reply = await PostAsync("v1/chat/completions", body);
        using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        using var content = JsonDocument.Parse(json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!);
        Assert.Contains(content.RootElement.GetProperty("mood").GetString(), new[] { "happy", "sad" });
        Assert.InRange(content.RootElement.GetProperty("score").GetInt32(), -3, 3);
    }

    [Theory]
    [InlineData("{not json", 400, "invalid_json")]
    [InlineData("""{"messages":[]}""", 400, "invalid_value")]
    [InlineData("""{"messages":[{"role":"wizard","content":"hi"}]}""", 400, "invalid_value")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"max_tokens":100000}""", 400, "invalid_value")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"temperature":"hot"}""", 400, "invalid_value")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema","json_schema":{"schema":{"type":"object","properties":{"a":{"type":"string","pattern":"x"}}}}}}""", 400, "invalid_value")]
    public async Task Bad_requests_get_an_openai_error_object_with_a_4xx_status(string body, int status, string code)
    {
        using var reply = await PostAsync("v1/chat/completions", body);
        Assert.Equal(status, (int)reply.StatusCode);
        using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        using var health = await http.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_gets_413_and_a_wrong_key_401()
    {
        var huge = new string('x', 10_000);
        using var big = await PostAsync("v1/chat/completions", $$"""{"messages":[{"role":"user","content":"{{huge}}"}]}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Contains("\"error\"", await big.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var stranger = new HttpClient { BaseAddress = server.BaseAddress };
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var denied = await stranger.GetAsync("v1/models");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Contains("invalid_api_key", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embeddings_come_as_floats_or_base64_with_usage()
    {
        using var reply = await PostAsync("v1/embeddings", """{"model":"tiny","input":["Hello Maria","I feel fine"]}""");
        using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal(tiny.Model.Config.Width, data[0].GetProperty("embedding").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32() > 2);

        using var encoded = await PostAsync("v1/embeddings", """{"input":"Hello Maria","encoding_format":"base64"}""");
        using var b64 = JsonDocument.Parse(await encoded.Content.ReadAsStringAsync());
        var bytes = Convert.FromBase64String(b64.RootElement.GetProperty("data")[0].GetProperty("embedding").GetString()!);
        Assert.Equal(tiny.Model.Config.Width * 4, bytes.Length);
        Assert.Equal(data[0].GetProperty("embedding")[0].GetSingle(), BitConverter.ToSingle(bytes, 0), 5);
    }

    [Fact]
    public async Task Metrics_count_requests_and_tokens()
    {
        using var _ = await PostAsync("v1/chat/completions", $$"""{"messages":{{Greeting}},"temperature":0,"max_tokens":5}""");
        var metrics = await http.GetStringAsync("metrics");
        Assert.Matches("agents_chat_requests_total [1-9]", metrics);
        Assert.Matches("agents_completion_tokens_total [1-9]", metrics);
        Assert.Contains("agents_queue_depth 0", metrics, StringComparison.Ordinal);
        Assert.Contains("agents_tokens_per_second", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_beyond_slots_and_queue_get_429_and_the_rest_finish()
    {
        var body = $$"""{"messages":{{Greeting}},"temperature":1,"max_tokens":64,"stop":["never-said"]}""";
        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => PostAsync("v1/chat/completions", body)));
        var statuses = replies.Select(r => (int)r.StatusCode).ToList();
        Assert.Contains(200, statuses);
        Assert.Contains(429, statuses);
        Assert.All(statuses, s => Assert.True(s is 200 or 429, $"status {s}"));
        foreach (var reply in replies.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests))
        {
            Assert.Contains("server_busy", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var reply in replies)
        {
            reply.Dispose();
        }
    }

    [Fact]
    public async Task The_openai_client_of_microsoft_extensions_ai_talks_to_the_server()
    {
        var openAi = new OpenAIClient(new ApiKeyCredential(Key), new OpenAIClientOptions { Endpoint = new Uri(server.BaseAddress, "v1") });
        IChatClient client = openAi.GetChatClient("tiny").AsIChatClient();
        List<Microsoft.Extensions.AI.ChatMessage> messages = [new(ChatRole.System, "You are a villager."), new(ChatRole.User, "Hello Klaus, how are you?")];
        var response = await client.GetResponseAsync(messages, new ChatOptions { Temperature = 0, MaxOutputTokens = 40 });
        Assert.Contains("Klaus", response.Text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.True(response.Usage!.OutputTokenCount > 0);

        var streamed = new StringBuilder();
        await foreach (var update in client.GetStreamingResponseAsync(messages, new ChatOptions { Temperature = 0, MaxOutputTokens = 40 }))
        {
            streamed.Append(update.Text);
        }

        Assert.Equal(response.Text, streamed.ToString());

        IEmbeddingGenerator<string, Embedding<float>> embedder = openAi.GetEmbeddingClient("tiny").AsIEmbeddingGenerator();
        var vectors = await embedder.GenerateAsync(["Hello Klaus"]);
        Assert.Equal(tiny.Model.Config.Width, vectors[0].Vector.Length);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
}
