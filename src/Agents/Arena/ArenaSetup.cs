namespace Agents.Arena;

/// <summary>What an arena file holds: the arena, the mind that plays it and, when the file names one, the judge.</summary>
/// <param name="Spec">The arena: task sets, strategies, seed and rating settings.</param>
/// <param name="Mind">The mind that plays every strategy (the file's <c>mind</c>).</param>
/// <param name="Judge">
/// The mind that compares answers to open-ended items side by side (the file's <c>judge</c>, same keys as
/// <c>mind</c>); null when the file names none, so that the playing mind judges.
/// </param>
public sealed record ArenaSetup(ArenaSpec Spec, ArenaMindSpec Mind, ArenaMindSpec? Judge = null)
{
    /// <summary>The arena and its playing mind, for callers that do not need the judge.</summary>
    public void Deconstruct(out ArenaSpec spec, out ArenaMindSpec mind)
    {
        spec = Spec;
        mind = Mind;
    }
}
