using MessagePack;

namespace Agents.World.Components;

/// <summary>The display name of an agent or object entity.</summary>
[MessagePackObject]
public struct Named
{
    /// <summary>The name (an agent's full name, or an object's address).</summary>
    [Key(0)]
    public string Value;

    /// <summary>Creates the component.</summary>
    public Named(string value) => Value = value;
}
