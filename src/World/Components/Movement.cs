using MessagePack;

namespace Agents.World.Components;

/// <summary>The path an agent is walking: one tile per step.</summary>
[MessagePackObject]
public struct Movement
{
    /// <summary>Remaining path as packed (x, y) pairs; empty when standing still.</summary>
    [Key(0)]
    public int[] Path;

    /// <summary>Index of the next pair to step onto.</summary>
    [Key(1)]
    public int Next;

    /// <summary>The address the path leads to.</summary>
    [Key(2)]
    public string Destination;

    /// <summary>True while tiles remain.</summary>
    [IgnoreMember]
    public readonly bool IsMoving => Path is not null && Next * 2 < Path.Length;
}
