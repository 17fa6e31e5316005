using Agents.Metrics;

namespace Agents.Cli.Reporting;

/// <summary>Adds a cognition run's metrics and plots to its report.md.</summary>
public static class MetricsSection
{
    /// <summary>Computes the metrics of the run in <paramref name="folder"/>, writes plots/*.png and appends the section to report.md. Null for a run without memories.</summary>
    public static MetricsReport? AppendTo(string folder)
    {
        if (!RunMetrics.HasMemories(folder))
        {
            return null;
        }

        var report = RunMetrics.Read(folder);
        var plots = MetricPlots.Write(report, Path.Combine(folder, "plots"));
        File.AppendAllText(Path.Combine(folder, "report.md"), "\n" + report.ToMarkdown(plots));
        return report;
    }
}
