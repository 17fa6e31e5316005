using Agents.World.Map;

namespace Agents.Viewer.Replay;

/// <summary>
/// One agent's state while a replay applies events: its activity and the path it walks, from which its position at
/// any later step follows (one tile per step, as the movement system moves). Mutable; owned by one cursor.
/// </summary>
internal sealed class AgentTrack(int index, string name)
{
    private const int KeptPerceptions = 12;
    private readonly LinkedList<string> _perceived = new();

    public int Index { get; } = index;

    public string Name { get; } = name;

    public string Activity { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string Destination { get; set; } = string.Empty;

    /// <summary>The step from which <see cref="Path"/> is walked (moves happen at this step and after).</summary>
    public long ReferenceStep { get; private set; }

    /// <summary>Where the agent stood at <see cref="ReferenceStep"/> before moving.</summary>
    public Point ReferencePosition { get; private set; }

    /// <summary>Packed (x, y) pairs.</summary>
    public int[] Path { get; private set; } = [];

    /// <summary>Index of the pair to step onto at <see cref="ReferenceStep"/>.</summary>
    public int Next { get; private set; }

    public IReadOnlyCollection<string> Perceived => _perceived;

    /// <summary>Sets the walking state as a snapshot or a path event gives it, at <paramref name="step"/>.</summary>
    public void SetPath(long step, Point position, int[] path, int next)
    {
        ReferenceStep = step;
        ReferencePosition = position;
        Path = path;
        Next = next;
    }

    /// <summary>Stops where the agent stands at <paramref name="step"/>.</summary>
    public void Stop(long step) => SetPath(step, PositionAt(step), [], 0);

    /// <summary>The tile the agent stands on once steps before <paramref name="step"/> ran.</summary>
    public Point PositionAt(long step)
    {
        var tiles = Path.Length / 2;
        var moves = Math.Max(0, step - ReferenceStep);
        var reached = (int)Math.Min(tiles, Next + moves);
        return reached <= Next ? ReferencePosition : new Point(Path[2 * (reached - 1)], Path[(2 * (reached - 1)) + 1]);
    }

    /// <summary>True when tiles remain to walk after the steps before <paramref name="step"/>.</summary>
    public bool IsMovingAt(long step) => Next + Math.Max(0, step - ReferenceStep) < Path.Length / 2;

    public void AddPerception(string text)
    {
        _perceived.AddFirst(text);
        while (_perceived.Count > KeptPerceptions)
        {
            _perceived.RemoveLast();
        }
    }

    public void ClearPerceptions() => _perceived.Clear();
}
