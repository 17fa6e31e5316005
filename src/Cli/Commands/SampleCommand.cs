using System.CommandLine;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Devices;
using Agents.Runtime.Inference;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using TorchSharp;

namespace Agents.Cli.Commands;

/// <summary><c>agents sample</c>: continue a prompt with a trained model folder.</summary>
public static class SampleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Argument<string>("model") { Description = "A model folder written by 'agents train' (config.json, model.safetensors, tokenizer.json)." };
        var prompt = new Argument<string>("prompt") { Description = "The text to continue (with --chat: the user's message)." };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens to generate.", DefaultValueFactory = _ => 200 };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature; 0 picks the most likely token every time.", DefaultValueFactory = _ => 0.8 };
        var topK = new Option<int>("--top-k") { Description = "Sample only among the K most likely tokens; 0 for all.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the sampler: the same seed gives the same text.", DefaultValueFactory = _ => 1 };
        var chat = new Option<bool>("--chat") { Description = "Wrap the prompt as a user message in the chat template and stop at the end of the assistant's reply." };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N.", DefaultValueFactory = _ => "auto" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for tensor work; 0 keeps torch's default.", DefaultValueFactory = _ => 0 };
        var adapter = new Option<string?>("--adapter") { Description = "A LoRA adapter folder ('agents train --lora') trained on this model, merged in on load." };
        var command = new Command("sample", "Generate text from a trained model folder (plain sampling without a KV cache; for serving use 'agents serve').")
        {
            folder, prompt, maxTokens, temperature, topK, seed, chat, device, threads, adapter,
        };

        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var directory = r.GetValue(folder)!;
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"{directory}: expected a model folder, found none.");
            }

            using var thread = new ModelThread(r.GetValue(threads));
            var tokenizer = ModelFolder.LoadTokenizer(directory);
            var isChat = r.GetValue(chat);
            var text = r.GetValue(prompt)!;
            var ids = isChat ? ChatTemplate.EncodePrompt(tokenizer, [new ChatMessage("user", text)]) : tokenizer.Encode(text);
            var stops = isChat ? new HashSet<int> { tokenizer.EndOfMessage, tokenizer.EndOfText } : new HashSet<int> { tokenizer.EndOfText };
            var targetDevice = DeviceSelector.Resolve(r.GetValue(device)!);
            var output = await thread.RunAsync(
                () =>
                {
                    using var model = r.GetValue(adapter) is { } adapterDirectory ? LoraFolder.LoadMerged(directory, adapterDirectory) : ModelFolder.LoadModel(directory);
                    model.to(targetDevice);
                    return TextGenerator.Generate(model, ids, r.GetValue(maxTokens), r.GetValue(temperature), r.GetValue(seed), stops, r.GetValue(topK));
                },
                ct);
            var generated = output.Count > 0 && stops.Contains(output[^1]) ? output[..^1] : output;
            var writer = r.InvocationConfiguration.Output;
            await writer.WriteLineAsync(isChat ? tokenizer.Decode(generated) : text + tokenizer.Decode(generated));
            return 0;
        });
        return command;
    }
}
