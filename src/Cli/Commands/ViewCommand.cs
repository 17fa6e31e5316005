using System.CommandLine;
using Agents.Viewer.Headless;
using Agents.Viewer.Replay;
using Agents.World.Runs;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents view</c>: writes PNG frames of a run headless (<c>--png</c>, <c>--frames</c>), or opens the viewer
/// window: a replay with a timeline for a run folder, the live simulation for a scenario file.
/// </summary>
public static class ViewCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var target = new Argument<string>("target")
        {
            Description = "A run folder (replay) or a scenario file (live simulation), e.g. runs/smallville-... or scenarios/smallville.yaml.",
        };
        var png = new Option<FileInfo?>("--png") { HelpName = "FILE", Description = "Write one frame of the run to this PNG file (with --at) instead of opening a window." };
        var at = new Option<string?>("--at") { HelpName = "TIME", Description = "Game time of the --png frame, or where a replay window starts: \"2023-02-13 08:00\", \"08:00\" (first day) or \"day 2 08:00\" (default: the end of the run for --png, the start for a window)." };
        var frames = new Option<DirectoryInfo?>("--frames") { HelpName = "DIR", Description = "Write PNG frames frame-000000.png ... of the run into this folder (with --from, --to, --every)." };
        var from = new Option<string?>("--from") { HelpName = "TIME", Description = "Game time of the first --frames frame (default: the start of the run)." };
        var to = new Option<string?>("--to") { HelpName = "TIME", Description = "Game time of the last --frames frame (default: the end of the run)." };
        var every = new Option<int>("--every") { HelpName = "N", Description = "Steps between --frames frames (one step is 10 game seconds in most scenarios; 6 = one game minute).", DefaultValueFactory = _ => 6 };
        var width = new Option<int>("--width") { HelpName = "PIXELS", Description = "Width of PNG frames, or of the window, in pixels.", DefaultValueFactory = _ => 1280 };
        var height = new Option<int>("--height") { HelpName = "PIXELS", Description = "Height of PNG frames, or of the window, in pixels.", DefaultValueFactory = _ => 800 };
        var select = new Option<string?>("--select") { HelpName = "NAME", Description = "Select this agent: its ring and side panel (persona, plan, activity, perceptions, memories)." };

        var command = new Command("view", "Watch a town: replay a run folder with a timeline, or run a scenario live in a window; or write PNG frames of a run headless.")
        {
            target, png, at, frames, from, to, every, width, height, select,
        };
        command.SetAction(async (ParseResult parse, CancellationToken cancel) =>
        {
            var console = Terminal.For(parse);
            var path = parse.GetValue(target)!;
            var (w, h) = (parse.GetValue(width), parse.GetValue(height));
            if (w < 160 || h < 120 || w > 8192 || h > 8192)
            {
                throw new CliUsageException($"--width and --height must be between 160x120 and 8192x8192; got {w}x{h}.");
            }

            var pngFile = parse.GetValue(png);
            var framesDir = parse.GetValue(frames);
            var selected = parse.GetValue(select);
            if (pngFile is not null && framesDir is not null)
            {
                throw new CliUsageException("Give either --png or --frames, not both.");
            }

            if (pngFile is null && framesDir is null)
            {
                if (parse.GetValue(from) is not null || parse.GetValue(to) is not null)
                {
                    throw new CliUsageException("--from and --to go with --frames; without --png or --frames 'agents view' opens a window (where --at sets the replay's start).");
                }

                try
                {
                    return await Viewer.App.ViewerLauncher.RunAsync(path, w, h, selected, parse.GetValue(at), cancel).ConfigureAwait(false);
                }
                catch (Viewer.Window.WindowException ex)
                {
                    throw new CliUsageException(ex.Message);
                }
            }

            if (!Directory.Exists(path))
            {
                throw new CliUsageException($"{path}: --png and --frames draw a run folder (made by 'agents run'); this is not a folder.");
            }

            using var replay = RunReplay.Open(path);
            CheckAgent(replay, selected);
            using var export = new FrameExport(replay, w, h) { Selected = selected };
            if (pngFile is not null)
            {
                var time = parse.GetValue(at) is { } text ? GameTime.Parse(text, replay.Clock.Start, "--at") : replay.Clock.TimeAt(replay.LastStep);
                var step = export.WritePng(time, pngFile.FullName);
                console.MarkupLineInterpolated($"Wrote {pngFile.FullName} ({w}x{h}, {replay.Clock.TimeAt(step):yyyy-MM-dd HH:mm:ss}).");
                return AgentsCommand.Ok;
            }

            var first = parse.GetValue(from) is { } f ? GameTime.Parse(f, replay.Clock.Start, "--from") : replay.Clock.TimeAt(replay.FirstStep);
            var last = parse.GetValue(to) is { } t ? GameTime.Parse(t, replay.Clock.Start, "--to") : replay.Clock.TimeAt(replay.LastStep);
            var n = parse.GetValue(every);
            if (n < 1)
            {
                throw new CliUsageException($"--every must be at least 1 step; got {n}.");
            }

            if (last < first)
            {
                throw new CliUsageException($"--to ({last:yyyy-MM-dd HH:mm}) is before --from ({first:yyyy-MM-dd HH:mm}).");
            }

            var written = export.WriteFrames(first, last, n, framesDir!.FullName, cancel);
            console.MarkupLineInterpolated($"Wrote {written.Count} frames ({w}x{h}) to {framesDir.FullName}.");
            return AgentsCommand.Ok;
        });
        return command;
    }

    private static void CheckAgent(RunReplay replay, string? name)
    {
        if (name is not null && replay.Scenario.FindAgent(name) is null)
        {
            throw new RunException($"--select: no agent named \"{name}\" in {replay.Scenario.Name}; agents are: {string.Join(", ", replay.Scenario.Agents.Select(a => a.Name))}.");
        }
    }
}
