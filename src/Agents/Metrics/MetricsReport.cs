using System.Globalization;
using System.Text;

namespace Agents.Metrics;

/// <summary>The metrics of a cognition run (those its scenario asks for, and the mind's cost).</summary>
/// <param name="Start">Game time at the start.</param>
/// <param name="End">Game time reached.</param>
/// <param name="Agents">Agents in the run.</param>
/// <param name="Diffusion">Information diffusion, one per fact.</param>
/// <param name="Density">Relationship density, when asked for.</param>
/// <param name="Attendance">Attendance, one per event.</param>
/// <param name="Usage">Decisions, fallbacks, calls and tokens.</param>
public sealed record MetricsReport(
    DateTime Start,
    DateTime End,
    int Agents,
    IReadOnlyList<DiffusionMetric> Diffusion,
    DensityMetric? Density,
    IReadOnlyList<AttendanceMetric> Attendance,
    UsageMetric Usage)
{
    /// <summary>The report.md section, with links to plots in <c>plots/</c> when <paramref name="plots"/> names them.</summary>
    public string ToMarkdown(IReadOnlyList<string>? plots = null)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append("## Metrics\n\n");
        foreach (var d in Diffusion)
        {
            text.Append(c, $"- Diffusion of \"{d.Fact}\" ({d.Name}): {d.Initial:P0} to {d.Final:P0} of {d.Agents} agents ({d.Holders.Count} holders).\n");
        }

        if (Density is { } density)
        {
            text.Append(c, $"- Relationship density: {density.Initial:F3} to {density.Final:F3} ({density.Edges} pairs know each other).\n");
        }

        foreach (var a in Attendance)
        {
            text.Append(c, $"- Attendance at {a.Place} ({a.From:yyyy-MM-dd HH:mm} to {a.To:HH:mm}): {a.Attended.Count} of {a.Invited.Count} invited came{(a.Attended.Count > 0 ? $" ({string.Join(", ", a.Attended)})" : "")}; {a.Knew.Count} of them knew of it beforehand.\n");
        }

        var u = Usage;
        var parsed = u.ParsedReplyRate is { } share ? string.Create(c, $", replies that parsed {share:P2} ({u.Decisions - u.Fallbacks} of {u.Calls})") : "";
        text.Append(c, $"- Mind: {u.Decisions} decisions ({u.DecisionsPerAgentHour:F1} per agent-hour), {u.Calls} model calls ({u.CallsPerAgentHour:F1} per agent-hour), {u.PromptTokens + u.CompletionTokens} tokens ({u.TokensPerAgentHour:F0} per agent-hour), fallback rate {u.FallbackRate:P2}{parsed}.\n");
        if (u.ByDecision.Count > 0)
        {
            text.Append("\n| decision | decisions | per agent-hour | fallbacks | replies that parsed |\n| --- | ---: | ---: | ---: | ---: |\n");
            foreach (var (decision, count, perAgentHour, fallbacks, rate) in u.ByDecisionMostFirst)
            {
                text.Append(c, $"| {decision} | {count} | {perAgentHour:F2} | {fallbacks} | {(rate is { } r ? r.ToString("P2", c) : "-")} |\n");
            }
        }
        foreach (var d in Diffusion)
        {
            text.Append(c, $"\n### Who knows: {d.Name}\n\n| agent | since | where they heard it |\n| --- | --- | --- |\n");
            foreach (var h in d.Holders)
            {
                text.Append(c, $"| {h.Agent} | {h.Since:MM-dd HH:mm} | {h.Source.Replace("|", "/", StringComparison.Ordinal)} |\n");
            }
        }

        foreach (var plot in plots ?? [])
        {
            text.Append(c, $"\n![{Path.GetFileNameWithoutExtension(plot)}](plots/{Path.GetFileName(plot)})\n");
        }

        return text.ToString();
    }
}
