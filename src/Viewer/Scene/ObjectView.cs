using Agents.World.Map;

namespace Agents.Viewer.Scene;

/// <summary>A game object as a frame shows it.</summary>
/// <param name="Name">The object's name (the last part of its address).</param>
/// <param name="Position">The tile it stands on.</param>
/// <param name="State">Its state ("idle", "brewing coffee"); anything but idle is drawn as busy.</param>
public sealed record ObjectView(string Name, Point Position, string State)
{
    /// <summary>True when the object is in use (its state is not "idle" or empty).</summary>
    public bool IsBusy => State.Length > 0 && !string.Equals(State, "idle", StringComparison.OrdinalIgnoreCase);
}
