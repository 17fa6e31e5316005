namespace Agents.Memory.Storage;

/// <summary>The names memory kinds are stored under: lower-case, stable across renames of the enum.</summary>
internal static class MemoryKinds
{
    public static string ToName(MemoryKind kind) => kind switch
    {
        MemoryKind.Observation => "observation",
        MemoryKind.Reflection => "reflection",
        MemoryKind.Plan => "plan",
        MemoryKind.Chat => "chat",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown memory kind."),
    };

    public static bool TryParse(string name, out MemoryKind kind)
    {
        switch (name)
        {
            case "observation": kind = MemoryKind.Observation; return true;
            case "reflection": kind = MemoryKind.Reflection; return true;
            case "plan": kind = MemoryKind.Plan; return true;
            case "chat": kind = MemoryKind.Chat; return true;
            default: kind = default; return false;
        }
    }
}
