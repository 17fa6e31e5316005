using MessagePack;

namespace Agents.World.Components;

/// <summary>Marks an agent and links it to its definition in the scenario.</summary>
[MessagePackObject]
public struct AgentTag
{
    /// <summary>Index of the agent in the scenario's agent list.</summary>
    [Key(0)]
    public int Index;

    /// <summary>Creates the component.</summary>
    public AgentTag(int index) => Index = index;
}
