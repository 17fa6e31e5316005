namespace Agents.Viewer.Window;

/// <summary>The viewer window could not open (no display, no GLFW, no OpenGL); the message says what to do instead.</summary>
public sealed class WindowException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WindowException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public WindowException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
