namespace Agents.World.Ecs;

/// <summary>What the ECS knows of a component type: its process-wide id, its type and an empty column to clone storage from.</summary>
/// <param name="Id">Dense id, assigned in order of first use in the process; never persisted.</param>
/// <param name="Type">The component's struct type.</param>
/// <param name="Prototype">An empty column of this type; <see cref="Column.CreateEmpty"/> makes archetype storage.</param>
internal sealed record ComponentInfo(int Id, Type Type, Column Prototype);
