using System.Runtime.InteropServices;

namespace Agents.World.Ecs;

/// <summary>
/// Records structural changes (create, destroy, add, remove, and sets) to apply later, typically after a query,
/// during which the world refuses them. <see cref="Playback"/> applies them in recording order, exactly as if the
/// same calls were made on the world then. <see cref="Create()"/> returns a placeholder handle that later commands
/// of this buffer may target; it becomes a real entity at playback.
/// </summary>
/// <remarks>Not thread-safe. Reusable: playback clears it. Typed values are stored unboxed.</remarks>
public sealed partial class CommandBuffer
{
    private readonly List<BufferedCommand> commands = [];
    private readonly List<CreatedComponent> createdComponents = [];
    private readonly List<ValueBuffer> usedBuffers = [];
    private ValueBuffer?[] buffers = [];
    private Entity[] created = [];
    private int placeholders;

    /// <summary>The number of recorded commands (a typed creation counts once).</summary>
    public int Count => commands.Count;

    /// <summary>Records the creation of an entity with no components; returns its placeholder.</summary>
    public Entity Create() => BeginCreate();

    /// <summary>Records the creation of an entity from boxed components (each a struct of a distinct type); returns its placeholder.</summary>
    /// <exception cref="InvalidComponentException">A component is null or not a struct (checked now).</exception>
    public Entity Create(params object[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        for (int i = 0; i < components.Length; i++)
        {
            var type = components[i]?.GetType() ?? throw new InvalidComponentException(
                $"Component at index {i} of a buffered creation is null: expected a struct value.");
            ComponentRegistry.Register(type);
        }

        var placeholder = BeginCreate();
        CollectionsMarshal.AsSpan(commands)[^1].Boxed = (object[])components.Clone();
        return placeholder;
    }

    /// <summary>Records the destruction of <paramref name="entity"/> (a live handle or a placeholder of this buffer).</summary>
    public void Destroy(Entity entity) =>
        commands.Add(new BufferedCommand { Kind = CommandKind.Destroy, Target = Check(entity) });

    /// <summary>Records adding a <typeparamref name="T"/> component to <paramref name="entity"/>.</summary>
    public void Add<T>(Entity entity, in T value = default)
        where T : struct
    {
        var values = BufferOf<T>();
        commands.Add(new BufferedCommand { Kind = CommandKind.Add, Target = Check(entity), Values = values, Index = values.Append(value) });
    }

    /// <summary>Records removing the <typeparamref name="T"/> component of <paramref name="entity"/>.</summary>
    public void Remove<T>(Entity entity)
        where T : struct =>
        commands.Add(new BufferedCommand { Kind = CommandKind.Remove, Target = Check(entity), Values = BufferOf<T>() });

    /// <summary>Records overwriting the <typeparamref name="T"/> component of <paramref name="entity"/>.</summary>
    public void Set<T>(Entity entity, in T value)
        where T : struct
    {
        var values = BufferOf<T>();
        commands.Add(new BufferedCommand { Kind = CommandKind.Set, Target = Check(entity), Values = values, Index = values.Append(value) });
    }

    /// <summary>
    /// Applies the recorded commands to <paramref name="world"/> in recording order, then clears the buffer.
    /// Must not be called while a query iterates that world.
    /// </summary>
    /// <exception cref="StructuralChangeException">A query is iterating the world (nothing is applied; the buffer is kept).</exception>
    /// <exception cref="CommandBufferPlaybackException">A command failed (for example on a destroyed entity); see its inner exception.</exception>
    public void Playback(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        world.GuardPlayback();
        if (created.Length < placeholders)
        {
            Array.Resize(ref created, placeholders);
        }

        int index = 0;
        try
        {
            for (; index < commands.Count; index++)
            {
                Apply(world, commands[index]);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            var command = commands[index];
            throw new CommandBufferPlaybackException(
                index, $"CommandBuffer playback failed at command {index} of {commands.Count} ({command.Describe()}): {ex.Message}", ex);
        }
        finally
        {
            Clear();
        }
    }

    /// <summary>Forgets all recorded commands; placeholders handed out so far become invalid.</summary>
    public void Clear()
    {
        commands.Clear();
        createdComponents.Clear();
        foreach (var values in usedBuffers)
        {
            values.Clear();
        }

        Array.Clear(created, 0, Math.Min(created.Length, placeholders));
        placeholders = 0;
    }

    private void Apply(World world, BufferedCommand command)
    {
        switch (command.Kind)
        {
            case CommandKind.Create:
                var entity = command.Boxed is not null
                    ? world.Create(command.Boxed)
                    : world.CreateForPlayback(command.SortedIds ?? []);
                created[-1 - command.Target.Id] = entity;
                foreach (var component in CreatedOf(command))
                {
                    component.Values.Set(world, entity, component.Index);
                }

                break;
            case CommandKind.Destroy:
                world.Destroy(Resolve(command.Target));
                break;
            case CommandKind.Add:
                command.Values!.Add(world, Resolve(command.Target), command.Index);
                break;
            case CommandKind.Remove:
                command.Values!.Remove(world, Resolve(command.Target));
                break;
            case CommandKind.Set:
                command.Values!.Set(world, Resolve(command.Target), command.Index);
                break;
        }
    }

    private ReadOnlySpan<CreatedComponent> CreatedOf(BufferedCommand command) =>
        CollectionsMarshal.AsSpan(createdComponents).Slice(command.Index, command.ComponentCount);

    private Entity Resolve(Entity entity) => entity.IsPlaceholder ? created[-1 - entity.Id] : entity;

    private Entity Check(Entity entity)
    {
        if (entity.IsPlaceholder && -1 - entity.Id >= placeholders)
        {
            throw new ArgumentException(
                $"{entity} was not made by this CommandBuffer since its last playback or clear: expected a live entity or one of this buffer's placeholders.",
                nameof(entity));
        }

        return entity;
    }

    private Entity BeginCreate(int[]? sortedIds = null)
    {
        var placeholder = new Entity(-1 - placeholders++, 0);
        commands.Add(new BufferedCommand { Kind = CommandKind.Create, Target = placeholder, Index = createdComponents.Count, SortedIds = sortedIds });
        return placeholder;
    }

    /// <summary>Appends a typed component to the creation recorded last.</summary>
    private void AddCreateComponent<T>(TypedValueBuffer<T> values, in T value)
        where T : struct
    {
        createdComponents.Add(new CreatedComponent(values, values.Append(value)));
        CollectionsMarshal.AsSpan(commands)[^1].ComponentCount++;
    }

    private static void ThrowIfDuplicate(Type? duplicate)
    {
        if (duplicate is not null)
        {
            throw new DuplicateComponentException(
                Entity.Null, duplicate, $"Cannot record the creation of an entity with component {duplicate.FullName} given twice: an entity holds at most one component of each type.");
        }
    }

    private TypedValueBuffer<T> BufferOf<T>()
        where T : struct
    {
        int id = ComponentId<T>.Value;
        if (id >= buffers.Length)
        {
            Array.Resize(ref buffers, Math.Max(id + 1, buffers.Length * 2));
        }

        if (buffers[id] is not TypedValueBuffer<T> values)
        {
            values = new TypedValueBuffer<T>();
            buffers[id] = values;
            usedBuffers.Add(values);
        }

        return values;
    }
}
