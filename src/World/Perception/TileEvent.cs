namespace Agents.World.Perception;

/// <summary>Something happening on a tile, as a subject-predicate-object triple with a readable description.</summary>
/// <param name="Subject">Who or what acts ("Isabella Rodriguez", "cafe:kitchen:stove").</param>
/// <param name="Predicate">The relation ("is", "uses").</param>
/// <param name="Object">What it acts on or is ("brewing coffee").</param>
/// <param name="Description">The sentence an agent remembers ("the stove is brewing coffee").</param>
public readonly record struct TileEvent(string Subject, string Predicate, string Object, string Description)
{
    /// <summary>The subject-predicate-object triple, the identity retention compares.</summary>
    public (string S, string P, string O) Triple => (Subject, Predicate, Object);
}
