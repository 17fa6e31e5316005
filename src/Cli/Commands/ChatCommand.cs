using System.CommandLine;
using Agents.Runtime.Inference;
using Agents.Runtime.Serving;
using Agents.Runtime.Tokenization;

namespace Agents.Cli.Commands;

/// <summary><c>agents chat</c>: talk to a model folder in the terminal, the reply streamed as it is generated.</summary>
public static class ChatCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Argument<string>("model") { Description = "A model folder written by 'agents train' (config.json, model.safetensors, tokenizer.json)." };
        var system = new Option<string?>("--system") { Description = "A system message that opens the conversation." };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature; 0 picks the most likely token every time.", DefaultValueFactory = _ => 0.7 };
        var topP = new Option<double>("--top-p") { Description = "Sample from the smallest set of tokens whose probability reaches P.", DefaultValueFactory = _ => 0.95 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens per reply.", DefaultValueFactory = _ => 256 };
        var seed = new Option<int>("--seed") { Description = "Seed of the sampler: the same seed and conversation give the same replies.", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N.", DefaultValueFactory = _ => "auto" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for tensor work; 0 keeps torch's default.", DefaultValueFactory = _ => 0 };
        var adapter = new Option<string?>("--adapter") { Description = "A LoRA adapter folder ('agents train --lora') trained on this model, merged in on load." };
        var command = new Command("chat", "Chat with a model folder in the terminal; replies stream as they are generated. /reset starts over, /exit (or end of input) quits.")
        {
            folder, system, temperature, topP, maxTokens, seed, device, threads, adapter,
        };

        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            var limit = r.GetValue(maxTokens);
            await using var host = await LocalModelHost.LoadAsync(r.GetValue(folder)!, new EngineOptions(Slots: 1, MaxQueue: 1, MaxTokens: Math.Max(1, limit)), r.GetValue(device)!, r.GetValue(threads), adapterDirectory: r.GetValue(adapter), cancellationToken: ct);
            var options = new SamplingOptions(MaxTokens: limit, Temperature: r.GetValue(temperature), TopP: r.GetValue(topP), Seed: r.GetValue(seed)).Validate();
            var opening = r.GetValue(system) is { Length: > 0 } text ? new List<ChatMessage> { new("system", text) } : [];
            var history = new List<ChatMessage>(opening);
            await output.WriteLineAsync($"Chatting with {host.ChatClient.ModelId} (context {host.Engine.ContextLength} tokens). /reset starts over, /exit quits.");
            var turn = 0;
            while (!ct.IsCancellationRequested)
            {
                await output.WriteAsync("> ");
                var line = await Console.In.ReadLineAsync(ct);
                if (line is null || line.Trim() == "/exit")
                {
                    break;
                }

                if (line.Trim() == "/reset")
                {
                    history = new List<ChatMessage>(opening);
                    await output.WriteLineAsync("(conversation cleared)");
                    continue;
                }

                history.Add(new ChatMessage("user", line));
                var prompt = ChatTemplate.EncodePrompt(host.Tokenizer, history);
                while (prompt.Length >= host.Engine.ContextLength - 1 && history.Count > opening.Count + 1)
                {
                    history.RemoveAt(opening.Count); // Forget the oldest turns that no longer fit the context.
                    prompt = ChatTemplate.EncodePrompt(host.Tokenizer, history);
                }

                if (prompt.Length >= host.Engine.ContextLength - 1)
                {
                    history.RemoveAt(history.Count - 1);
                    await output.WriteLineAsync($"(that message is too long: the context holds {host.Engine.ContextLength} tokens)");
                    continue;
                }

                var reply = new System.Text.StringBuilder();
                var room = Math.Min(options.MaxTokens, host.Engine.ContextLength - prompt.Length - 1);
                await foreach (var chunk in host.Engine.StreamAsync(prompt, options with { MaxTokens = room, Seed = options.Seed + turn++ }, ct))
                {
                    reply.Append(chunk.Text);
                    await output.WriteAsync(chunk.Text);
                    if (chunk.Finish == FinishReason.Length)
                    {
                        await output.WriteAsync(" [cut at the token limit]");
                    }
                }

                await output.WriteLineAsync();
                history.Add(new ChatMessage("assistant", reply.ToString()));
            }

            return 0;
        });
        return command;
    }
}
