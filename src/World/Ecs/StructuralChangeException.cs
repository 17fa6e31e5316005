namespace Agents.World.Ecs;

/// <summary>
/// Thrown when an entity is created, destroyed, or gains or loses a component while a query iterates the world.
/// Such changes move rows under the iterator; record them in a <see cref="CommandBuffer"/> and play it back after.
/// </summary>
public sealed class StructuralChangeException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public StructuralChangeException(string message)
        : base(message)
    {
    }
}
