namespace Agents.World.Ecs;

/// <content>Entry points for <see cref="CommandBuffer"/> playback.</content>
public sealed partial class World
{
    /// <summary>Throws when the world cannot take structural changes now.</summary>
    internal void GuardPlayback() => GuardStructuralChange("play back a CommandBuffer into this world", Entity.Null);

    /// <summary>Creates an entity with default components of the given sorted ids (values are set next).</summary>
    internal Entity CreateForPlayback(int[] sortedIds)
    {
        GuardStructuralChange("create an entity", Entity.Null);
        return CreateIn(ArchetypeForCreate(sortedIds, null), out _);
    }
}
