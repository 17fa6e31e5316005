using MessagePack;

namespace Agents.World.Components;

/// <summary>A game object's state ("idle", "brewing coffee") and who uses it.</summary>
[MessagePackObject]
public struct ObjectState
{
    /// <summary>The object's address (sector:arena:object).</summary>
    [Key(0)]
    public string Address;

    /// <summary>The current state.</summary>
    [Key(1)]
    public string State;

    /// <summary>Id of the agent entity using the object, or -1.</summary>
    [Key(2)]
    public int UsedBy;
}
