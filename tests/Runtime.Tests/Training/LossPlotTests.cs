using Agents.Runtime.Tokenization;
using Agents.Runtime.Training;

namespace Agents.Runtime.Tests.Training;

public sealed class LossPlotTests
{
    private static readonly TrainingProgress[] History =
    [
        new(1, 2, 0.69, 1e-3, 1, 64, 100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), null),
        new(2, 2, 0.50, 1e-3, 1, 128, 100, TimeSpan.FromSeconds(2), TimeSpan.Zero, 0.6),
    ];

    [Fact]
    public void A_dpo_run_plots_its_loss_on_an_axis_labelled_dpo_loss_not_cross_entropy()
    {
        var names = new[] { "Tom", "Maria" };
        var tokenizer = BpeTrainer.Train(names.Select(DpoTests.Valid).Concat(names.Select(DpoTests.Invalid)), 270);
        var objective = new DpoObjective(tokenizer, names.Select(n => new PreferencePair(DpoTests.Prompt(n), DpoTests.Valid(n), DpoTests.Invalid(n))).ToList(), length: 64);

        var plot = LossPlot.Create(History, objective.LossLabel);

        Assert.StartsWith("DPO loss", plot.Axes.Left.Label.Text);
        Assert.DoesNotContain("cross-entropy", plot.Axes.Left.Label.Text);
        Assert.Equal("step", plot.Axes.Bottom.Label.Text);
    }

    [Fact]
    public void Next_token_runs_keep_the_cross_entropy_axis()
    {
        var nextToken = new NextTokenObjective(new TokenStream(Enumerable.Range(0, 40).ToArray(), heldOutFraction: 0.5));

        Assert.Equal("cross-entropy (nats)", LossPlot.Create(History, nextToken.LossLabel).Axes.Left.Label.Text);
        Assert.Equal("cross-entropy (nats)", LossPlot.Create(History).Axes.Left.Label.Text);
    }
}
