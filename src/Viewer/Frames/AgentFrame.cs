using Agents.World.Map;

namespace Agents.Viewer.Frames;

/// <summary>One agent's state at a step, as the viewer needs it.</summary>
/// <param name="Index">The agent's index in the scenario.</param>
/// <param name="Name">Its name.</param>
/// <param name="Position">The tile it stands on.</param>
/// <param name="Activity">What it does ("brewing coffee"), or empty.</param>
/// <param name="Address">Where it does it (sector:arena[:object]), or empty.</param>
/// <param name="IsMoving">True while it walks a path.</param>
/// <param name="Destination">Where the path leads, or empty.</param>
/// <param name="Perceived">What it perceived lately, newest first ("08:01 Isabella Rodriguez is brewing coffee").</param>
public sealed record AgentFrame(
    int Index,
    string Name,
    Point Position,
    string Activity,
    string Address,
    bool IsMoving,
    string Destination,
    IReadOnlyList<string> Perceived);
