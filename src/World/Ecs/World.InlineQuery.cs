using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Agents.World.Ecs;

/// <content>Queries with struct jobs the JIT can inline, one overload per arity.</content>
public sealed partial class World
{
    /// <summary>Runs the struct job <paramref name="job"/> on T0 of each entity matching <paramref name="description"/> that has them; the JIT inlines its Update.</summary>
    /// <remarks>The job is passed by reference so its fields carry results out. Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void InlineQuery<TJob, T0>(in QueryDescription description, ref TJob job)
        where TJob : struct, IForEach<T0>
        where T0 : struct
    {
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
                    job.Update(ref Unsafe.Add(ref r0, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Runs a default-initialised struct job of type <typeparamref name="TJob"/>; see the overload taking the job by reference.</summary>
    public void InlineQuery<TJob, T0>(in QueryDescription description)
        where TJob : struct, IForEach<T0>
        where T0 : struct
    {
        var job = default(TJob);
        InlineQuery<TJob, T0>(in description, ref job);
    }

    /// <summary>Runs the struct job <paramref name="job"/> on the entity and T0 of each entity matching <paramref name="description"/> that has them; the JIT inlines its Update.</summary>
    /// <remarks>The job is passed by reference so its fields carry results out. Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void InlineEntityQuery<TJob, T0>(in QueryDescription description, ref TJob job)
        where TJob : struct, IForEachWithEntity<T0>
        where T0 : struct
    {
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
                    job.Update(Unsafe.Add(ref re, i), ref Unsafe.Add(ref r0, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Runs the struct job <paramref name="job"/> on T0, T1 of each entity matching <paramref name="description"/> that has them; the JIT inlines its Update.</summary>
    /// <remarks>The job is passed by reference so its fields carry results out. Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void InlineQuery<TJob, T0, T1>(in QueryDescription description, ref TJob job)
        where TJob : struct, IForEach<T0, T1>
        where T0 : struct
        where T1 : struct
    {
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
                    job.Update(ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Runs a default-initialised struct job of type <typeparamref name="TJob"/>; see the overload taking the job by reference.</summary>
    public void InlineQuery<TJob, T0, T1>(in QueryDescription description)
        where TJob : struct, IForEach<T0, T1>
        where T0 : struct
        where T1 : struct
    {
        var job = default(TJob);
        InlineQuery<TJob, T0, T1>(in description, ref job);
    }

    /// <summary>Runs the struct job <paramref name="job"/> on the entity and T0, T1 of each entity matching <paramref name="description"/> that has them; the JIT inlines its Update.</summary>
    /// <remarks>The job is passed by reference so its fields carry results out. Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void InlineEntityQuery<TJob, T0, T1>(in QueryDescription description, ref TJob job)
        where TJob : struct, IForEachWithEntity<T0, T1>
        where T0 : struct
        where T1 : struct
    {
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
                    job.Update(Unsafe.Add(ref re, i), ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Runs the struct job <paramref name="job"/> on T0, T1, T2 of each entity matching <paramref name="description"/> that has them; the JIT inlines its Update.</summary>
    /// <remarks>The job is passed by reference so its fields carry results out. Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void InlineQuery<TJob, T0, T1, T2>(in QueryDescription description, ref TJob job)
        where TJob : struct, IForEach<T0, T1, T2>
        where T0 : struct
        where T1 : struct
        where T2 : struct
    {
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
                    job.Update(ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Runs a default-initialised struct job of type <typeparamref name="TJob"/>; see the overload taking the job by reference.</summary>
    public void InlineQuery<TJob, T0, T1, T2>(in QueryDescription description)
        where TJob : struct, IForEach<T0, T1, T2>
        where T0 : struct
        where T1 : struct
        where T2 : struct
    {
        var job = default(TJob);
        InlineQuery<TJob, T0, T1, T2>(in description, ref job);
    }

    /// <summary>Runs the struct job <paramref name="job"/> on the entity and T0, T1, T2 of each entity matching <paramref name="description"/> that has them; the JIT inlines its Update.</summary>
    /// <remarks>The job is passed by reference so its fields carry results out. Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void InlineEntityQuery<TJob, T0, T1, T2>(in QueryDescription description, ref TJob job)
        where TJob : struct, IForEachWithEntity<T0, T1, T2>
        where T0 : struct
        where T1 : struct
        where T2 : struct
    {
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
                    job.Update(Unsafe.Add(ref re, i), ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Runs the struct job <paramref name="job"/> on T0, T1, T2, T3 of each entity matching <paramref name="description"/> that has them; the JIT inlines its Update.</summary>
    /// <remarks>The job is passed by reference so its fields carry results out. Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void InlineQuery<TJob, T0, T1, T2, T3>(in QueryDescription description, ref TJob job)
        where TJob : struct, IForEach<T0, T1, T2, T3>
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
    {
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
                    job.Update(ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i), ref Unsafe.Add(ref r3, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Runs a default-initialised struct job of type <typeparamref name="TJob"/>; see the overload taking the job by reference.</summary>
    public void InlineQuery<TJob, T0, T1, T2, T3>(in QueryDescription description)
        where TJob : struct, IForEach<T0, T1, T2, T3>
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
    {
        var job = default(TJob);
        InlineQuery<TJob, T0, T1, T2, T3>(in description, ref job);
    }

    /// <summary>Runs the struct job <paramref name="job"/> on the entity and T0, T1, T2, T3 of each entity matching <paramref name="description"/> that has them; the JIT inlines its Update.</summary>
    /// <remarks>The job is passed by reference so its fields carry results out. Structural changes inside throw; use a <see cref="CommandBuffer"/>.</remarks>
    public void InlineEntityQuery<TJob, T0, T1, T2, T3>(in QueryDescription description, ref TJob job)
        where TJob : struct, IForEachWithEntity<T0, T1, T2, T3>
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
    {
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
                    job.Update(Unsafe.Add(ref re, i), ref Unsafe.Add(ref r0, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i), ref Unsafe.Add(ref r3, i));
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }
}
