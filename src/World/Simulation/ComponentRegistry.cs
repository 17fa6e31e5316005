using System.Collections.Frozen;
using Agents.World.Components;
using MessagePack;

namespace Agents.World.Simulation;

/// <summary>
/// The component types a snapshot may hold, by stable name. Filled once; a snapshot naming an unknown type is
/// rejected rather than guessed at.
/// </summary>
public static class ComponentRegistry
{
    private static readonly FrozenDictionary<string, Type> ByName = new Dictionary<string, Type>
    {
        ["named"] = typeof(Named),
        ["agent"] = typeof(AgentTag),
        ["position"] = typeof(TilePosition),
        ["movement"] = typeof(Movement),
        ["activity"] = typeof(Activity),
        ["object_state"] = typeof(ObjectState),
        ["perception_memory"] = typeof(PerceptionMemory),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, string> ByType = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>Options for reading snapshot files, which a user may have edited: untrusted data.</summary>
    public static MessagePackSerializerOptions ReadOptions { get; } =
        MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>Encodes a component value.</summary>
    public static ComponentBlob Serialize(Type type, object value) =>
        ByType.TryGetValue(type, out var name)
            ? new ComponentBlob(name, MessagePackSerializer.Serialize(type, value))
            : throw new InvalidOperationException($"Component type {type.FullName} is not registered for snapshots; add it to {nameof(ComponentRegistry)}.");

    /// <summary>Decodes a component value.</summary>
    public static object Deserialize(ComponentBlob blob) =>
        ByName.TryGetValue(blob.Type, out var type)
            ? MessagePackSerializer.Deserialize(type, blob.Data, ReadOptions)
              ?? throw new InvalidDataException($"Snapshot component '{blob.Type}' is empty.")
            : throw new InvalidDataException($"Snapshot holds an unknown component type '{blob.Type}'.");
}
