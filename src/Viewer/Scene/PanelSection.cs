namespace Agents.Viewer.Scene;

/// <summary>A titled block of the side panel (persona, plan, memories ...).</summary>
/// <param name="Title">The heading.</param>
/// <param name="Lines">Its lines, top to bottom.</param>
public sealed record PanelSection(string Title, IReadOnlyList<PanelLine> Lines);
