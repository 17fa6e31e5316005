using MessagePack;

namespace Agents.World.Components;

/// <summary>What an agent is doing now, and where it does it.</summary>
[MessagePackObject]
public struct Activity
{
    /// <summary>A short description ("brewing coffee").</summary>
    [Key(0)]
    public string Description;

    /// <summary>The address where it happens (sector:arena[:object]).</summary>
    [Key(1)]
    public string Address;

    /// <summary>The step at which it began.</summary>
    [Key(2)]
    public long SinceStep;

    /// <summary>The routine slot it came from: day number times 1000 plus the item index (routine system only).</summary>
    [Key(3)]
    public long Slot;

    /// <summary>The arena (sector:arena) the agent currently stands in, or empty on the street; used to log moves between places.</summary>
    [Key(4)]
    public string CurrentPlace;
}
