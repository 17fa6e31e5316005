namespace Agents.Viewer.App;

/// <summary>What an <see cref="InputEvent"/> reports.</summary>
public enum InputKind
{
    /// <summary>A non-printing key was pressed (or repeats): see <see cref="InputEvent.Key"/>.</summary>
    KeyDown,

    /// <summary>A printing character was typed: see <see cref="InputEvent.Char"/>.</summary>
    Char,

    /// <summary>The left mouse button went down at (X, Y).</summary>
    MouseDown,

    /// <summary>The left mouse button went up at (X, Y).</summary>
    MouseUp,

    /// <summary>The pointer moved to (X, Y).</summary>
    MouseMove,

    /// <summary>The wheel turned by <see cref="InputEvent.Delta"/> notches at (X, Y); positive zooms in.</summary>
    Scroll,
}
