using System.CommandLine;
using Agents.Runtime.Inference;
using Agents.Runtime.Serving;

namespace Agents.Cli.Commands;

/// <summary><c>agents serve</c>: an OpenAI-compatible HTTP server for a model folder.</summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Argument<string>("model") { Description = "A model folder written by 'agents train' (config.json, model.safetensors, tokenizer.json)." };
        var port = new Option<int>("--port") { Description = "Port to listen on; 0 picks a free one.", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "Address to bind; 127.0.0.1 keeps the server private to this machine, 0.0.0.0 opens it to the network.", DefaultValueFactory = _ => "127.0.0.1" };
        var apiKey = new Option<string?>("--api-key") { Description = "Require \"Authorization: Bearer KEY\" on /v1 and /metrics (default: the AGENTS_API_KEY variable, else no key)." };
        var slots = new Option<int>("--slots") { Description = "Replies decoded together (continuous batching).", DefaultValueFactory = _ => 8 };
        var queue = new Option<int>("--queue") { Description = "Requests that may wait for a slot; beyond it the server answers 429.", DefaultValueFactory = _ => 64 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Largest max_tokens a request may ask for (also the default).", DefaultValueFactory = _ => 512 };
        var maxBody = new Option<int>("--max-body-kb") { Description = "Largest request body in KiB.", DefaultValueFactory = _ => 1024 };
        var modelId = new Option<string?>("--model-id") { Description = "Model name in /v1/models and replies (default: the folder's name)." };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N.", DefaultValueFactory = _ => "auto" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for tensor work; 0 keeps torch's default.", DefaultValueFactory = _ => 0 };
        var adapter = new Option<string?>("--adapter") { Description = "A LoRA adapter folder ('agents train --lora') trained on this model, merged in on load." };
        var command = new Command("serve", "Serve a model folder over HTTP, OpenAI-compatible: /v1/chat/completions (with streaming and json_schema), /v1/embeddings, /v1/models, /health, /metrics. Ctrl+C stops.")
        {
            folder, port, host, apiKey, slots, queue, maxTokens, maxBody, modelId, device, threads, adapter,
        };

        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var engineOptions = new EngineOptions(r.GetValue(slots), r.GetValue(queue), r.GetValue(maxTokens));
            if (engineOptions.Slots < 1 || engineOptions.MaxQueue < 0 || engineOptions.MaxTokens < 1 || r.GetValue(maxBody) < 1)
            {
                throw new Agents.Runtime.RuntimeOptionException("Expected --slots >= 1, --queue >= 0, --max-tokens >= 1 and --max-body-kb >= 1.");
            }

            await using var loaded = await LocalModelHost.LoadAsync(r.GetValue(folder)!, engineOptions, r.GetValue(device)!, r.GetValue(threads), r.GetValue(modelId), r.GetValue(adapter), ct);
            var key = r.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("AGENTS_API_KEY");
            var options = new ServerOptions(r.GetValue(host)!, r.GetValue(port), string.IsNullOrEmpty(key) ? null : key, loaded.ChatClient.ModelId, r.GetValue(maxBody) * 1024L, engineOptions.MaxTokens);
            await using var server = await OpenAiServer.StartAsync(loaded.Engine, loaded.Embeddings, options, ct);
            var output = r.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Serving {options.ModelId} at {server.BaseAddress}v1 ({engineOptions.Slots} slots, queue {engineOptions.MaxQueue}{(options.ApiKey is null ? string.Empty : ", API key required")}). Ctrl+C stops.");
            await server.WaitAsync(ct);
            await output.WriteLineAsync("Stopped.");
            return 0;
        });
        return command;
    }
}
