namespace Agents.Viewer.Scene;

/// <summary>One line of a side-panel section.</summary>
/// <param name="Text">The text; wrapped to the panel's width.</param>
/// <param name="Highlight">True for the line that matters now (the current plan item).</param>
public sealed record PanelLine(string Text, bool Highlight = false);
