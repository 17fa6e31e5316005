using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Training;
using static TorchSharp.torch;

namespace Agents.Runtime.Tests.Training;

public sealed class LoraTrainerTests : IDisposable
{
    private readonly ModelThread thread = new(threads: 1);

    public void Dispose() => thread.Dispose();

    [Fact]
    public async Task Training_an_adapter_leaves_every_base_weight_bit_for_bit_and_without_gradients_and_the_tensor_count_flat()
    {
        var model = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 1));
        var before = await thread.RunAsync(() => model.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray()));
        var adapter = await thread.CreateAsync(() => LoraAdapter.Create(model, new LoraConfig(2, 4, LoraConfig.AllTargets), seed: 2));
        await thread.RunAsync(() => adapter.Attach(model));
        var startB = await thread.RunAsync(() => adapter.NamedParameters.Sum(p => p.Parameter.abs().sum().item<float>()));

        var counts = new Dictionary<int, long>();
        var options = new TrainingOptions(Steps: 30, BatchSize: 2, SequenceLength: 16, LearningRate: 1e-2, WarmupSteps: 2, EvalEvery: 10, EvalBatches: 1);
        var result = await new Trainer(thread, model, new TokenStream(TrainerTests.RandomTokens(400, 50, seed: 1)), options)
        {
            Adapter = adapter,
            OnProgress = p => counts[p.Step] = thread.LiveTensorCount(),
        }.RunAsync();

        Assert.True(result.History[^1].Loss < result.History[0].Loss, $"loss {result.History[0].Loss} -> {result.History[^1].Loss}");
        Assert.Equal(counts[5], counts[29]);
        Assert.Equal(counts[10], counts[30]);
        await thread.RunAsync(() =>
        {
            foreach (var (name, parameter) in model.named_parameters())
            {
                Assert.Null(parameter.grad);
                Assert.Equal(before[name], parameter.data<float>().ToArray());
            }

            Assert.NotEqual(startB, adapter.NamedParameters.Sum(p => p.Parameter.abs().sum().item<float>()));
        });
    }

    [Fact]
    public async Task An_adapter_that_is_not_attached_is_refused()
    {
        var model = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 1));
        var adapter = await thread.CreateAsync(() => LoraAdapter.Create(model, new LoraConfig(2, 4, LoraConfig.AllTargets)));
        var trainer = new Trainer(thread, model, new TokenStream(TrainerTests.RandomTokens(100, 50, seed: 1)), new TrainingOptions(Steps: 1, BatchSize: 1, SequenceLength: 8)) { Adapter = adapter };
        Assert.Contains("Attach", (await Assert.ThrowsAsync<InvalidOperationException>(() => trainer.RunAsync())).Message);
    }
}
