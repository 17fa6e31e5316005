namespace Agents.Viewer.App;

/// <summary>The non-printing keys the viewer reacts to.</summary>
public enum ViewerKey
{
    /// <summary>No key (a character or mouse event).</summary>
    None,

    /// <summary>Escape: quit.</summary>
    Escape,

    /// <summary>Tab: select the next agent.</summary>
    Tab,

    /// <summary>Left arrow: step back.</summary>
    Left,

    /// <summary>Right arrow: step forward.</summary>
    Right,

    /// <summary>Up arrow: faster.</summary>
    Up,

    /// <summary>Down arrow: slower.</summary>
    Down,

    /// <summary>Home: the start of the replay.</summary>
    Home,

    /// <summary>End: the end of the replay.</summary>
    End,
}
