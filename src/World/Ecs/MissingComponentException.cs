namespace Agents.World.Ecs;

/// <summary>Thrown when an entity lacks the component an operation needs (Get, Set, Remove, GetBoxed).</summary>
public sealed class MissingComponentException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public MissingComponentException(Entity entity, Type componentType, string message)
        : base(message)
    {
        Entity = entity;
        ComponentType = componentType;
    }

    /// <summary>The entity that was asked.</summary>
    public Entity Entity { get; }

    /// <summary>The component type it lacks.</summary>
    public Type ComponentType { get; }
}
