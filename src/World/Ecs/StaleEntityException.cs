namespace Agents.World.Ecs;

/// <summary>Thrown when a handle names no live entity: destroyed, recycled (version mismatch), never created, or Null.</summary>
public sealed class StaleEntityException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="entity"/> with a message saying why it is not alive.</summary>
    public StaleEntityException(Entity entity, string message)
        : base(message) => Entity = entity;

    /// <summary>The handle that was used.</summary>
    public Entity Entity { get; }
}
