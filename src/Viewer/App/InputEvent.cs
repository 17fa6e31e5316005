namespace Agents.Viewer.App;

/// <summary>
/// One input event in window pixels, as the window's callbacks report it and as tests feed it in.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="X">Pointer x in pixels (mouse events and scroll).</param>
/// <param name="Y">Pointer y in pixels.</param>
/// <param name="Key">The key, for <see cref="InputKind.KeyDown"/>.</param>
/// <param name="Char">The character, for <see cref="InputKind.Char"/>.</param>
/// <param name="Delta">Wheel notches, for <see cref="InputKind.Scroll"/>.</param>
/// <param name="Shift">True while shift is held (key events).</param>
public readonly record struct InputEvent(InputKind Kind, float X = 0, float Y = 0, ViewerKey Key = ViewerKey.None, char Char = '\0', float Delta = 0, bool Shift = false)
{
    /// <summary>A key press.</summary>
    public static InputEvent Press(ViewerKey key, bool shift = false) => new(InputKind.KeyDown, Key: key, Shift: shift);

    /// <summary>A typed character.</summary>
    public static InputEvent Typed(char c) => new(InputKind.Char, Char: c);

    /// <summary>The left button down at (x, y).</summary>
    public static InputEvent Down(float x, float y) => new(InputKind.MouseDown, x, y);

    /// <summary>The left button up at (x, y).</summary>
    public static InputEvent Up(float x, float y) => new(InputKind.MouseUp, x, y);

    /// <summary>The pointer at (x, y).</summary>
    public static InputEvent Move(float x, float y) => new(InputKind.MouseMove, x, y);

    /// <summary>The wheel turned <paramref name="notches"/> at (x, y).</summary>
    public static InputEvent Wheel(float notches, float x, float y) => new(InputKind.Scroll, x, y, Delta: notches);
}
