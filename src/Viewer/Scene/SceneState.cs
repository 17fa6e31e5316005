using Agents.World.Map;

namespace Agents.Viewer.Scene;

/// <summary>
/// Everything one frame shows, immutable: the map and what is on it, the clock, and the view's own state (camera,
/// selection, speed, timeline, help). Built by <c>SceneComposer</c> from a town frame, drawn by <c>SceneRenderer</c>.
/// </summary>
/// <param name="Map">The tile map.</param>
/// <param name="Time">The game time shown.</param>
/// <param name="Agents">The agents.</param>
/// <param name="Objects">The game objects with their states.</param>
/// <param name="Camera">The visible part of the map.</param>
public sealed record SceneState(TileMap Map, DateTime Time, IReadOnlyList<AgentView> Agents, IReadOnlyList<ObjectView> Objects, Camera Camera)
{
    /// <summary>The selected agent's name (ringed on the map), or null.</summary>
    public string? Selected { get; init; }

    /// <summary>The side panel of the selected agent, or null for none.</summary>
    public AgentPanel? Panel { get; init; }

    /// <summary>Conversation turns to draw above their speakers.</summary>
    public IReadOnlyList<SpeechBubble> Bubbles { get; init; } = [];

    /// <summary>The speed shown beside the clock ("4x"), or null to show none.</summary>
    public string? Speed { get; init; }

    /// <summary>True when playback or the live simulation is paused.</summary>
    public bool Paused { get; init; }

    /// <summary>The replay timeline, or null (live view, single PNG).</summary>
    public Timeline? Timeline { get; init; }

    /// <summary>True to draw the help overlay.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>A short title shown with the clock (the scenario's name), or null.</summary>
    public string? Title { get; init; }

    /// <summary>A status line at the bottom left ("following Isabella Rodriguez"), or null.</summary>
    public string? Status { get; init; }
}
