using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Agents.World.Ecs;

/// <content>Queries with delegate callbacks, one overload per arity.</content>
public sealed partial class World
{
    /// <summary>Calls <paramref name="action"/> for each entity matching <paramref name="description"/>.</summary>
    /// <remarks>Order: archetypes by component type names, rows in storage order (see <see cref="World"/>). Structural changes inside throw.</remarks>
    public void Query(in QueryDescription description, ForEach action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var matches = Match(in description);
        BeginIteration();
        try
        {
            for (int a = 0; a < matches.Count; a++)
            {
                var archetype = matches[a];
                var entities = archetype.Entities;
                for (int i = 0; i < archetype.Count; i++)
                {
                    action(entities[i]);
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Calls <paramref name="action"/> with T0 by reference for each entity matching <paramref name="description"/> that has them.</summary>
    /// <remarks>Order: archetypes by component type names, rows in storage order (see <see cref="World"/>). Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void Query<T0>(in QueryDescription description, ForEach<T0> action)
        where T0 : struct
    {
        ArgumentNullException.ThrowIfNull(action);
        var matches = Match(in description);
        int id0 = ComponentId<T0>.Value;
        BeginIteration();
        try
        {
            for (int a = 0; a < matches.Count; a++)
            {
                var archetype = matches[a];
                int count = archetype.Count;
                int c0 = archetype.ColumnOf(id0);
                if (count == 0 || c0 < 0)
                {
                    continue;
                }

                ref T0 r0 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T0>(c0));
                for (nint i = 0; i < count; i++)
                {
                    action(ref Unsafe.Add(ref r0, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Calls <paramref name="action"/> with the entity and T0 by reference for each entity matching <paramref name="description"/> that has them.</summary>
    /// <remarks>Order: archetypes by component type names, rows in storage order (see <see cref="World"/>). Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void Query<T0>(in QueryDescription description, ForEachWithEntity<T0> action)
        where T0 : struct
    {
        ArgumentNullException.ThrowIfNull(action);
        var matches = Match(in description);
        int id0 = ComponentId<T0>.Value;
        BeginIteration();
        try
        {
            for (int a = 0; a < matches.Count; a++)
            {
                var archetype = matches[a];
                int count = archetype.Count;
                int c0 = archetype.ColumnOf(id0);
                if (count == 0 || c0 < 0)
                {
                    continue;
                }

                ref T0 r0 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T0>(c0));
                ref Entity re = ref MemoryMarshal.GetArrayDataReference(archetype.Entities);
                for (nint i = 0; i < count; i++)
                {
                    action(Unsafe.Add(ref re, i), ref Unsafe.Add(ref r0, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Calls <paramref name="action"/> with T0, T1 by reference for each entity matching <paramref name="description"/> that has them.</summary>
    /// <remarks>Order: archetypes by component type names, rows in storage order (see <see cref="World"/>). Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void Query<T0, T1>(in QueryDescription description, ForEach<T0, T1> action)
        where T0 : struct
        where T1 : struct
    {
        ArgumentNullException.ThrowIfNull(action);
        var matches = Match(in description);
        int id0 = ComponentId<T0>.Value;
        int id1 = ComponentId<T1>.Value;
        BeginIteration();
        try
        {
            for (int a = 0; a < matches.Count; a++)
            {
                var archetype = matches[a];
                int count = archetype.Count;
                int c0 = archetype.ColumnOf(id0);
                int c1 = archetype.ColumnOf(id1);
                if (count == 0 || (c0 | c1) < 0)
                {
                    continue;
                }

                ref T0 r0 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T0>(c0));
                ref T1 r1 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T1>(c1));
                for (nint i = 0; i < count; i++)
                {
                    action(ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Calls <paramref name="action"/> with the entity and T0, T1 by reference for each entity matching <paramref name="description"/> that has them.</summary>
    /// <remarks>Order: archetypes by component type names, rows in storage order (see <see cref="World"/>). Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void Query<T0, T1>(in QueryDescription description, ForEachWithEntity<T0, T1> action)
        where T0 : struct
        where T1 : struct
    {
        ArgumentNullException.ThrowIfNull(action);
        var matches = Match(in description);
        int id0 = ComponentId<T0>.Value;
        int id1 = ComponentId<T1>.Value;
        BeginIteration();
        try
        {
            for (int a = 0; a < matches.Count; a++)
            {
                var archetype = matches[a];
                int count = archetype.Count;
                int c0 = archetype.ColumnOf(id0);
                int c1 = archetype.ColumnOf(id1);
                if (count == 0 || (c0 | c1) < 0)
                {
                    continue;
                }

                ref T0 r0 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T0>(c0));
                ref T1 r1 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T1>(c1));
                ref Entity re = ref MemoryMarshal.GetArrayDataReference(archetype.Entities);
                for (nint i = 0; i < count; i++)
                {
                    action(Unsafe.Add(ref re, i), ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Calls <paramref name="action"/> with T0, T1, T2 by reference for each entity matching <paramref name="description"/> that has them.</summary>
    /// <remarks>Order: archetypes by component type names, rows in storage order (see <see cref="World"/>). Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void Query<T0, T1, T2>(in QueryDescription description, ForEach<T0, T1, T2> action)
        where T0 : struct
        where T1 : struct
        where T2 : struct
    {
        ArgumentNullException.ThrowIfNull(action);
        var matches = Match(in description);
        int id0 = ComponentId<T0>.Value;
        int id1 = ComponentId<T1>.Value;
        int id2 = ComponentId<T2>.Value;
        BeginIteration();
        try
        {
            for (int a = 0; a < matches.Count; a++)
            {
                var archetype = matches[a];
                int count = archetype.Count;
                int c0 = archetype.ColumnOf(id0);
                int c1 = archetype.ColumnOf(id1);
                int c2 = archetype.ColumnOf(id2);
                if (count == 0 || (c0 | c1 | c2) < 0)
                {
                    continue;
                }

                ref T0 r0 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T0>(c0));
                ref T1 r1 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T1>(c1));
                ref T2 r2 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T2>(c2));
                for (nint i = 0; i < count; i++)
                {
                    action(ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Calls <paramref name="action"/> with the entity and T0, T1, T2 by reference for each entity matching <paramref name="description"/> that has them.</summary>
    /// <remarks>Order: archetypes by component type names, rows in storage order (see <see cref="World"/>). Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void Query<T0, T1, T2>(in QueryDescription description, ForEachWithEntity<T0, T1, T2> action)
        where T0 : struct
        where T1 : struct
        where T2 : struct
    {
        ArgumentNullException.ThrowIfNull(action);
        var matches = Match(in description);
        int id0 = ComponentId<T0>.Value;
        int id1 = ComponentId<T1>.Value;
        int id2 = ComponentId<T2>.Value;
        BeginIteration();
        try
        {
            for (int a = 0; a < matches.Count; a++)
            {
                var archetype = matches[a];
                int count = archetype.Count;
                int c0 = archetype.ColumnOf(id0);
                int c1 = archetype.ColumnOf(id1);
                int c2 = archetype.ColumnOf(id2);
                if (count == 0 || (c0 | c1 | c2) < 0)
                {
                    continue;
                }

                ref T0 r0 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T0>(c0));
                ref T1 r1 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T1>(c1));
                ref T2 r2 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T2>(c2));
                ref Entity re = ref MemoryMarshal.GetArrayDataReference(archetype.Entities);
                for (nint i = 0; i < count; i++)
                {
                    action(Unsafe.Add(ref re, i), ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Calls <paramref name="action"/> with T0, T1, T2, T3 by reference for each entity matching <paramref name="description"/> that has them.</summary>
    /// <remarks>Order: archetypes by component type names, rows in storage order (see <see cref="World"/>). Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void Query<T0, T1, T2, T3>(in QueryDescription description, ForEach<T0, T1, T2, T3> action)
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
    {
        ArgumentNullException.ThrowIfNull(action);
        var matches = Match(in description);
        int id0 = ComponentId<T0>.Value;
        int id1 = ComponentId<T1>.Value;
        int id2 = ComponentId<T2>.Value;
        int id3 = ComponentId<T3>.Value;
        BeginIteration();
        try
        {
            for (int a = 0; a < matches.Count; a++)
            {
                var archetype = matches[a];
                int count = archetype.Count;
                int c0 = archetype.ColumnOf(id0);
                int c1 = archetype.ColumnOf(id1);
                int c2 = archetype.ColumnOf(id2);
                int c3 = archetype.ColumnOf(id3);
                if (count == 0 || (c0 | c1 | c2 | c3) < 0)
                {
                    continue;
                }

                ref T0 r0 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T0>(c0));
                ref T1 r1 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T1>(c1));
                ref T2 r2 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T2>(c2));
                ref T3 r3 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T3>(c3));
                for (nint i = 0; i < count; i++)
                {
                    action(ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i), ref Unsafe.Add(ref r3, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Calls <paramref name="action"/> with the entity and T0, T1, T2, T3 by reference for each entity matching <paramref name="description"/> that has them.</summary>
    /// <remarks>Order: archetypes by component type names, rows in storage order (see <see cref="World"/>). Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void Query<T0, T1, T2, T3>(in QueryDescription description, ForEachWithEntity<T0, T1, T2, T3> action)
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
    {
        ArgumentNullException.ThrowIfNull(action);
        var matches = Match(in description);
        int id0 = ComponentId<T0>.Value;
        int id1 = ComponentId<T1>.Value;
        int id2 = ComponentId<T2>.Value;
        int id3 = ComponentId<T3>.Value;
        BeginIteration();
        try
        {
            for (int a = 0; a < matches.Count; a++)
            {
                var archetype = matches[a];
                int count = archetype.Count;
                int c0 = archetype.ColumnOf(id0);
                int c1 = archetype.ColumnOf(id1);
                int c2 = archetype.ColumnOf(id2);
                int c3 = archetype.ColumnOf(id3);
                if (count == 0 || (c0 | c1 | c2 | c3) < 0)
                {
                    continue;
                }

                ref T0 r0 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T0>(c0));
                ref T1 r1 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T1>(c1));
                ref T2 r2 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T2>(c2));
                ref T3 r3 = ref MemoryMarshal.GetArrayDataReference(archetype.Items<T3>(c3));
                ref Entity re = ref MemoryMarshal.GetArrayDataReference(archetype.Entities);
                for (nint i = 0; i < count; i++)
                {
                    action(Unsafe.Add(ref re, i), ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i), ref Unsafe.Add(ref r3, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }
}
