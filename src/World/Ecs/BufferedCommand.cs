namespace Agents.World.Ecs;

/// <summary>One recorded structural change.</summary>
internal struct BufferedCommand
{
    /// <summary>What to do.</summary>
    public CommandKind Kind;

    /// <summary>The entity acted on: a real handle or a placeholder of the same buffer (for Create, the placeholder made).</summary>
    public Entity Target;

    /// <summary>The values of the component type concerned (Add, Set, Remove).</summary>
    public ValueBuffer? Values;

    /// <summary>Add and Set: the value's index in <see cref="Values"/>. Create: the first of its typed components.</summary>
    public int Index;

    /// <summary>Create: how many typed components follow <see cref="Index"/>.</summary>
    public int ComponentCount;

    /// <summary>Create: the sorted component ids of the typed components (identity-cached by the world).</summary>
    public int[]? SortedIds;

    /// <summary>Create from boxed components.</summary>
    public object[]? Boxed;

    /// <summary>Describes the command for error messages.</summary>
    public readonly string Describe() => Kind switch
    {
        CommandKind.Create => $"Create {Target}",
        CommandKind.Destroy => $"Destroy {Target}",
        _ => $"{Kind} {Values!.ComponentType.Name} on {Target}",
    };
}
