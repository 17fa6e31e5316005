namespace Agents.World.Ecs;

/// <summary>Thrown when a component is added to an entity that already has one of that type, or given twice at creation.</summary>
public sealed class DuplicateComponentException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public DuplicateComponentException(Entity entity, Type componentType, string message)
        : base(message)
    {
        Entity = entity;
        ComponentType = componentType;
    }

    /// <summary>The entity concerned, or <see cref="Entity.Null"/> at creation.</summary>
    public Entity Entity { get; }

    /// <summary>The component type given twice.</summary>
    public Type ComponentType { get; }
}
