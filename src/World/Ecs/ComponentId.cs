namespace Agents.World.Ecs;

/// <summary>The registry id of <typeparamref name="T"/>, read once per type so that hot paths pay a static field load.</summary>
/// <typeparam name="T">The component type.</typeparam>
internal static class ComponentId<T>
    where T : struct
{
    /// <summary>The registry id of <typeparamref name="T"/>.</summary>
    public static readonly int Value = ComponentRegistry.Register<T>().Id;
}
