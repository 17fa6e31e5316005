using Agents.Viewer.Replay;
using Agents.Viewer.Window;
using Agents.World.Runs;
using Agents.World.Scenarios;

namespace Agents.Viewer.App;

/// <summary>Opens the viewer window for a run folder (replay) or a scenario file (live).</summary>
public static class ViewerLauncher
{
    /// <summary>
    /// Opens the window on the calling thread's behalf (a dedicated thread owns the GL context) and returns 0 when
    /// the user closes it.
    /// </summary>
    /// <param name="target">A run folder (replay) or a scenario file (live).</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in pixels.</param>
    /// <param name="selected">The agent to select at the start, or null.</param>
    /// <param name="at">Where a replay starts (a game time as <see cref="GameTime.Parse(string, DateTime, string)"/> reads it), or null for its start.</param>
    /// <param name="cancellationToken">Closes the window.</param>
    /// <exception cref="RunException">The target is neither a run folder nor a scenario file, or a bad time or name.</exception>
    /// <exception cref="WindowException">No window could be opened (no display, no GLFW).</exception>
    public static async Task<int> RunAsync(string target, int width, int height, string? selected, string? at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        IFrameSource source;
        string title;
        var composer = new Scene.SceneComposer();
        if (Directory.Exists(target))
        {
            var replay = RunReplay.Open(target);
            try
            {
                var start = at is null ? replay.FirstStep : replay.StepAt(GameTime.Parse(at, replay.Clock.Start, "--at"));
                composer = Scene.SceneComposer.WithMemories(replay.LoadMemories());
                source = new ReplaySource(replay, start);
            }
            catch
            {
                replay.Dispose();
                throw;
            }

            title = $"{replay.Scenario.Name} (replay of {Path.GetFileName(Path.GetFullPath(target).TrimEnd('/'))})";
        }
        else if (File.Exists(target))
        {
            if (at is not null)
            {
                throw new RunException("--at picks a time in a replay; a live simulation starts at its scenario's start.");
            }

            var scenario = ScenarioLoader.Load(target);
            source = new LiveSource(scenario);
            title = $"{scenario.Name} (live)";
        }
        else
        {
            throw new RunException($"{target}: no such run folder or scenario file.");
        }

        using (source)
        {
            if (selected is not null && source.Current.FindAgent(selected) is null)
            {
                throw new RunException($"--select: no agent named \"{selected}\"; agents are: {string.Join(", ", source.Current.Agents.Select(a => a.Name))}.");
            }

            var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                // The result is set only once the window and GLFW are gone: GLFW is not thread-safe, and the caller
                // may open another window as soon as this one reports.
                Exception? failure = null;
                try
                {
                    using var window = GlfwWindow.Open(width, height, title);
                    using var app = new ViewerApp(window, source, composer);
                    app.Controller.Selected = selected;
                    app.Run(cancellationToken);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }

                if (failure is null)
                {
                    done.SetResult(0);
                }
                else
                {
                    done.SetException(failure);
                }
            })
            {
                Name = "viewer window",
                IsBackground = true,
            };
            thread.Start();
            return await done.Task.ConfigureAwait(false);
        }
    }
}
