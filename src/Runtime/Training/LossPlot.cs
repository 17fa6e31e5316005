using ScottPlot;

namespace Agents.Runtime.Training;

/// <summary>Draws the loss curves of a run (training per step, held-out where evaluated) as a PNG with ScottPlot.</summary>
public static class LossPlot
{
    /// <summary>The loss axis of next-token training (pretraining, fine-tuning, LoRA).</summary>
    public const string CrossEntropyLabel = "cross-entropy (nats)";

    /// <summary>Writes the plot of <paramref name="history"/> to <paramref name="path"/>, its loss axis labelled <paramref name="lossLabel"/>.</summary>
    public static void Save(IReadOnlyList<TrainingProgress> history, string path, string lossLabel = CrossEntropyLabel, int width = 800, int height = 500)
    {
        var plot = Create(history, lossLabel);
        var temp = path + ".tmp.png";
        plot.SavePng(temp, width, height);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The plot <see cref="Save"/> writes: title "Loss", x "step", y <paramref name="lossLabel"/> (see <see cref="ITrainingObjective.LossLabel"/>).</summary>
    public static Plot Create(IReadOnlyList<TrainingProgress> history, string lossLabel = CrossEntropyLabel)
    {
        var plot = new Plot();
        if (history.Count > 0)
        {
            var training = plot.Add.ScatterLine(history.Select(h => (double)h.Step).ToArray(), history.Select(h => h.Loss).ToArray());
            training.LegendText = "training";
            var evaluated = history.Where(h => h.ValidationLoss is not null).ToList();
            if (evaluated.Count > 0)
            {
                var heldOut = plot.Add.Scatter(evaluated.Select(h => (double)h.Step).ToArray(), evaluated.Select(h => h.ValidationLoss!.Value).ToArray());
                heldOut.LegendText = "held-out";
                heldOut.LineWidth = 2;
                heldOut.MarkerSize = 6;
            }

            plot.ShowLegend();
        }

        plot.Title("Loss");
        plot.XLabel("step");
        plot.YLabel(lossLabel);
        return plot;
    }
}
