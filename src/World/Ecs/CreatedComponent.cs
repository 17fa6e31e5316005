namespace Agents.World.Ecs;

/// <summary>One typed component of a buffered creation: where its value is stored.</summary>
/// <param name="Values">The store of its type.</param>
/// <param name="Index">The value's index in <paramref name="Values"/>.</param>
internal readonly record struct CreatedComponent(ValueBuffer Values, int Index);
