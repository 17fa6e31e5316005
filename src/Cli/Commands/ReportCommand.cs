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
            if (parse.GetValue(markdown))
            {
                console.Profile.Out.Writer.Write(summary.ToMarkdown());
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
            return AgentsCommand.Ok;
        });
        return command;
    }
}
