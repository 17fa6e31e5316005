namespace Agents.World.Tests.Ecs;

/// <summary>A 2D position.</summary>
public record struct Position(float X, float Y);

/// <summary>A 2D velocity.</summary>
public record struct Velocity(float X, float Y);

/// <summary>Hit points.</summary>
public record struct Health(int Value);

/// <summary>A managed component holding a string.</summary>
public record struct Name(string Text);

/// <summary>A managed component holding an array (compared by content).</summary>
public readonly record struct Inventory(int[] Items)
{
    public bool Equals(Inventory other) => (Items ?? []).AsSpan().SequenceEqual(other.Items ?? []);

    public override int GetHashCode() => Items?.Length ?? 0;

    public override string ToString() => $"Inventory[{string.Join(",", Items ?? [])}]";
}

/// <summary>A tag with no data.</summary>
public record struct Asleep;
