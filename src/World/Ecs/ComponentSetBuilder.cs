namespace Agents.World.Ecs;

/// <summary>Helpers that build the static type-list signatures of <see cref="ComponentSet{T0}"/> and its arities.</summary>
internal static class ComponentSetBuilder
{
    /// <summary>The ids sorted ascending, duplicates dropped.</summary>
    public static int[] Sorted(int[] ids) => Signature.FromUnsorted(ids).Ids.ToArray();

    /// <summary>The first type listed twice, or null.</summary>
    public static Type? FirstDuplicate(Type[] types)
    {
        for (int i = 1; i < types.Length; i++)
        {
            if (Array.IndexOf(types, types[i], 0, i) >= 0)
            {
                return types[i];
            }
        }

        return null;
    }
}
