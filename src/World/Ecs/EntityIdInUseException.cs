namespace Agents.World.Ecs;

/// <summary>Thrown when <see cref="World.Recreate"/> asks for an id that is alive in the world.</summary>
public sealed class EntityIdInUseException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public EntityIdInUseException(Entity requested, string message)
        : base(message) => Requested = requested;

    /// <summary>The handle that was asked for.</summary>
    public Entity Requested { get; }
}
