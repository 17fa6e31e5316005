using Agents.Metrics;
using ScottPlot;

namespace Agents.Cli.Reporting;

/// <summary>Draws a run's metrics as PNG plots (ScottPlot): diffusion of each fact and relationship density over game time.</summary>
public static class MetricPlots
{
    /// <summary>Writes the plots into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(MetricsReport report, string folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        if (report.Diffusion.Count > 0)
        {
            var plot = new Plot();
            foreach (var d in report.Diffusion)
            {
                var line = plot.Add.Scatter(d.Series.Select(p => p.Time.ToOADate()).ToArray(), d.Series.Select(p => p.Value * 100).ToArray());
                line.LegendText = d.Name;
                line.MarkerSize = 0;
            }

            Finish(plot, "Information diffusion", "agents who know (%)");
            written.Add(Save(plot, Path.Combine(folder, "diffusion.png")));
        }

        if (report.Density is { } density)
        {
            var plot = new Plot();
            var line = plot.Add.Scatter(density.Series.Select(p => p.Time.ToOADate()).ToArray(), density.Series.Select(p => p.Value).ToArray());
            line.LegendText = "density";
            line.MarkerSize = 0;
            Finish(plot, "Relationship density", "2|E| / (|V|(|V|-1))");
            written.Add(Save(plot, Path.Combine(folder, "density.png")));
        }

        return written;
    }

    private static void Finish(Plot plot, string title, string yLabel)
    {
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend();
    }

    private static string Save(Plot plot, string path)
    {
        plot.SavePng(path, 800, 450);
        return path;
    }
}
