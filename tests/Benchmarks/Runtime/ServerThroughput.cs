using System.Diagnostics;
using System.Text;
using Agents.Runtime.Faces;
using Agents.Runtime.Inference;
using Agents.Runtime.Serving;
using Agents.Runtime.Threading;

namespace Agents.Benchmarks.Runtime;

/// <summary>
/// The HTTP server over loopback: 16 concurrent clients against the same 16 requests one at a time (each a chat
/// completion of <c>tokens</c> greedy tokens), in the same run; requests/s and completion tokens/s.
/// </summary>
public static class ServerThroughput
{
    public static async Task RunAsync(int tokens, int threads, TextWriter output)
    {
        using var thread = new ModelThread(threads);
        var (model, tokenizer) = await BenchModel.CreateAsync(thread);
        await using var engine = new InferenceEngine(thread, model, tokenizer, new EngineOptions(Slots: 16, MaxQueue: 16, MaxTokens: tokens));
        await using var server = await OpenAiServer.StartAsync(engine, new LocalEmbeddingGenerator(thread, model, tokenizer), new ServerOptions(Port: 0, MaxTokens: tokens));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var words = "thou art the king of this fair land and I shall follow".Split(' ');
        string Body(int i) => $$"""{"messages":[{"role":"user","content":"{{string.Join(' ', words.Skip(i % 5).Take(6))}} {{i}}"}],"temperature":0,"max_tokens":{{tokens}}}""";
        async Task<int> PostAsync(int i)
        {
            using var reply = await http.PostAsync("v1/chat/completions", new StringContent(Body(i), Encoding.UTF8, "application/json"));
            reply.EnsureSuccessStatusCode();
            return 1;
        }

        await PostAsync(99); // warm-up
        var before = engine.Stats.CompletionTokens;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 16; i++)
        {
            await PostAsync(i);
        }

        var sequentialSeconds = clock.Elapsed.TotalSeconds;
        var sequentialTokens = engine.Stats.CompletionTokens - before;
        before = engine.Stats.CompletionTokens;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(PostAsync));
        var concurrentSeconds = clock.Elapsed.TotalSeconds;
        var concurrentTokens = engine.Stats.CompletionTokens - before;
        output.WriteLine($"model: {model.Config.ParameterCount:N0} parameters, 16 requests of up to {tokens} tokens, threads {threads}");
        output.WriteLine($"one at a time : {16 / sequentialSeconds,6:0.00} requests/s, {sequentialTokens / sequentialSeconds,7:N0} tokens/s");
        output.WriteLine($"16 concurrent : {16 / concurrentSeconds,6:0.00} requests/s, {concurrentTokens / concurrentSeconds,7:N0} tokens/s");
        output.WriteLine($"ratio (requests/s): {sequentialSeconds / concurrentSeconds:0.0}x");
    }
}
