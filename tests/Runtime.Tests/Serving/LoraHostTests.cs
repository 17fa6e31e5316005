using Agents.Runtime.Checkpoints;
using Agents.Runtime.Inference;
using Agents.Runtime.Model;
using Agents.Runtime.Serving;
using Agents.Runtime.Tests.Inference;
using static TorchSharp.torch;

namespace Agents.Runtime.Tests.Serving;

[Collection(TinyChatCollection.Name)]
public sealed class LoraHostTests(TinyChatModel tiny) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_host_with_an_adapter_serves_the_merged_model_and_names_both_folders()
    {
        var (baseFolder, adapterFolder, mergedFolder) = (temp["village"], temp["grumpy"], temp["merged"]);
        await tiny.Thread.RunAsync(() =>
        {
            ModelFolder.Save(baseFolder, tiny.Model, tiny.Tokenizer);
            using var model = ModelFolder.LoadModel(baseFolder);
            using var adapter = LoraAdapter.Create(model, new LoraConfig(4, 8, LoraConfig.AllTargets), seed: 1);
            using var generator = new Generator(3);
            using (no_grad())
            {
                foreach (var (_, parameter) in adapter.NamedParameters.Where(p => p.Name.Contains("lora_B", StringComparison.Ordinal)))
                {
                    parameter.copy_(randn(parameter.shape, generator: generator) * 0.5);
                }
            }

            LoraFolder.Save(adapterFolder, adapter);
            adapter.MergeInto(model);
            ModelFolder.Save(mergedFolder, model, tiny.Tokenizer);
        });

        var options = new SamplingOptions(MaxTokens: 20);
        await using var plain = await LocalModelHost.LoadAsync(baseFolder, new EngineOptions(Slots: 1), device: "cpu", threads: 1);
        await using var merged = await LocalModelHost.LoadAsync(mergedFolder, new EngineOptions(Slots: 1), device: "cpu", threads: 1);
        await using var adapted = await LocalModelHost.LoadAsync(baseFolder, new EngineOptions(Slots: 1), device: "cpu", threads: 1, adapterDirectory: adapterFolder);
        var expected = await merged.Engine.GenerateAsync(TinyChatModel.Greeting("Tom"), options);
        var reply = await adapted.Engine.GenerateAsync(TinyChatModel.Greeting("Tom"), options);
        var original = await plain.Engine.GenerateAsync(TinyChatModel.Greeting("Tom"), options);

        Assert.Equal(expected.Text, reply.Text);
        Assert.NotEqual(original.Text, reply.Text);
        Assert.Equal("village+grumpy", adapted.ChatClient.ModelId);
    }
}
