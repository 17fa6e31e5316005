namespace Agents.World.Ecs;

/// <summary>What a recorded command does.</summary>
internal enum CommandKind
{
    /// <summary>Create an entity (typed components or boxed ones).</summary>
    Create,

    /// <summary>Destroy an entity.</summary>
    Destroy,

    /// <summary>Add a component.</summary>
    Add,

    /// <summary>Remove a component.</summary>
    Remove,

    /// <summary>Overwrite a component.</summary>
    Set,
}
