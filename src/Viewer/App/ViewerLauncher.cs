namespace Agents.Viewer.App;

/// <summary>Opens the viewer window for a run folder (replay) or a scenario file (live).</summary>
public static class ViewerLauncher
{
    /// <summary>Opens the window and returns its exit code when the user closes it.</summary>
    public static Task<int> RunAsync(string target, int width, int height, string? selected, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The viewer window is not written yet; use --png or --frames.");
}
