namespace Agents.World.Ecs;

/// <summary>
/// Thrown when a recorded command cannot be applied at playback; the inner exception says why. Commands before
/// it were applied, those after it were not, and the buffer is cleared.
/// </summary>
public sealed class CommandBufferPlaybackException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CommandBufferPlaybackException(int commandIndex, string message, Exception inner)
        : base(message, inner) => CommandIndex = commandIndex;

    /// <summary>The position of the failing command in recording order (0-based).</summary>
    public int CommandIndex { get; }
}
