using Agents.Runtime.Threading;
using TorchSharp;

namespace Agents.Runtime.Tests.Threading;

public sealed class ModelThreadTests
{
    [Fact]
    public async Task Work_items_run_on_the_one_model_thread_and_results_come_back()
    {
        using var model = new ModelThread();
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await model.RunAsync(() => Environment.CurrentManagedThreadId));
        }

        Assert.Single(ids.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, ids[0]);
        var sum = await model.RunAsync(() => torch.arange(10).sum().item<long>());
        Assert.Equal(45, sum);
    }

    [Fact]
    public async Task Live_tensor_count_stays_flat_over_many_steps()
    {
        using var model = new ModelThread();
        var weight = await model.RunAsync(() => torch.randn(16, 16, requires_grad: true).MoveToOuterDisposeScope());
        for (var i = 0; i < 5; i++)
        {
            await model.RunAsync(() => Step(weight));
        }

        var before = model.LiveTensorCount();
        for (var i = 0; i < 100; i++)
        {
            await model.RunAsync(() => Step(weight));
        }

        Assert.Equal(before, model.LiveTensorCount());
    }

    [Fact]
    public async Task A_failing_step_reports_its_exception_and_the_thread_keeps_working()
    {
        using var model = new ModelThread();
        await Assert.ThrowsAsync<InvalidOperationException>(() => model.RunAsync<int>(() => throw new InvalidOperationException("boom")));
        Assert.Equal(3, await model.RunAsync(() => 3));
    }

    private static float Step(torch.Tensor weight)
    {
        var x = torch.randn(4, 16);
        var loss = x.matmul(weight).tanh().pow(2).mean();
        loss.backward();
        using (torch.no_grad())
        {
            weight.sub_(weight.grad!.mul(0.01f));
            weight.grad!.zero_();
        }

        return loss.item<float>();
    }
}
