using System.CommandLine;
using Agents.World.Runs;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary><c>agents report</c>: summarises a run folder.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("run") { Description = "A run folder written by 'agents run'." };
        var markdown = new Option<bool>("--markdown") { Description = "Print the report as Markdown (as in report.md) instead of tables." };
        var command = new Command("report", "Summarise a run: agents, steps, events by kind, and where each agent spent its time.")
        {
            folder, markdown,
        };
        command.SetAction(parse =>
        {
            var console = Terminal.For(parse);
            var summary = RunReport.Read(parse.GetValue(folder)!.FullName);
            var metrics = Agents.Metrics.RunMetrics.HasMemories(parse.GetValue(folder)!.FullName) ? Agents.Metrics.RunMetrics.Read(parse.GetValue(folder)!.FullName) : null;
            if (parse.GetValue(markdown))
            {
                console.Profile.Out.Writer.Write(summary.ToMarkdown());
                if (metrics is not null)
                {
                    console.Profile.Out.Writer.Write("\n" + metrics.ToMarkdown());
                }

                return AgentsCommand.Ok;
            }

            console.Write(new Rule($"[bold]{Markup.Escape(summary.Name)}[/]").LeftJustified());
            console.MarkupLineInterpolated($"Seed {summary.Seed}, {summary.Steps} steps, {summary.Start:yyyy-MM-dd HH:mm} to {summary.End:yyyy-MM-dd HH:mm}, {summary.TimeByAgent.Count} agents.");
            if (!string.IsNullOrEmpty(summary.Hash))
            {
                console.WriteLine($"Event log hash: {summary.Hash}");
            }

            var kinds = new Table().AddColumn("event kind").AddColumn(new TableColumn("events").RightAligned());
            foreach (var (kind, count) in summary.EventsByKind)
            {
                kinds.AddRow(Markup.Escape(kind), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Write(kinds);
            var places = new Table().AddColumn("agent").AddColumn("where the time went (most first)");
            foreach (var agent in summary.TimeByAgent)
            {
                places.AddRow(
                    Markup.Escape(agent.Agent),
                    Markup.Escape(string.Join(", ", agent.Places.Take(4).Select(p => $"{p.Place} {RunSummary.FormatSpan(p.Time)}"))));
            }

            console.Write(places);
            if (metrics is not null)
            {
                var table = new Table().AddColumn("metric").AddColumn("value");
                foreach (var d in metrics.Diffusion)
                {
                    table.AddRow(Markup.Escape($"diffusion: {d.Name}"), Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Initial:P0} -> {d.Final:P0} of {d.Agents}")));
                }

                if (metrics.Density is { } density)
                {
                    table.AddRow("relationship density", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{density.Initial:F3} -> {density.Final:F3}"));
                }

                foreach (var a in metrics.Attendance)
                {
                    table.AddRow(Markup.Escape($"attendance: {a.Name}"), Markup.Escape($"{a.Attended.Count} of {a.Invited.Count} invited ({string.Join(", ", a.Attended)})"));
                }

                var u = metrics.Usage;
                table.AddRow("decisions per agent-hour", u.DecisionsPerAgentHour.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
                table.AddRow("calls / tokens per agent-hour", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{u.CallsPerAgentHour:F1} / {u.TokensPerAgentHour:F0}"));
                table.AddRow("fallback rate", u.FallbackRate.ToString("P2", System.Globalization.CultureInfo.InvariantCulture));
                if (u.ParsedReplyRate is { } parsed)
                {
                    table.AddRow("replies that parsed", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{parsed:P2} ({u.Decisions - u.Fallbacks} of {u.Calls} calls)"));
                }

                console.Write(table);
                if (u.ByDecision.Count > 0)
                {
                    var decisions = new Table().AddColumn("decision").AddColumn(new TableColumn("decisions").RightAligned()).AddColumn(new TableColumn("per agent-hour").RightAligned())
                        .AddColumn(new TableColumn("fallbacks").RightAligned()).AddColumn(new TableColumn("replies that parsed").RightAligned());
                    var c = System.Globalization.CultureInfo.InvariantCulture;
                    foreach (var (decision, count, perAgentHour, fallbacks, rate) in u.ByDecisionMostFirst)
                    {
                        decisions.AddRow(Markup.Escape(decision), count.ToString(c), perAgentHour.ToString("F2", c), fallbacks.ToString(c), rate is { } r ? r.ToString("P2", c) : "-");
                    }

                    console.Write(decisions);
                }
            }

            return AgentsCommand.Ok;
        });
        return command;
    }
}
