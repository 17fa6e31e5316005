namespace Agents.Decisions;

/// <summary>What a decision came to.</summary>
/// <typeparam name="T">The decision's output type.</typeparam>
/// <param name="Value">The parsed output, or the fallback.</param>
/// <param name="FellBack">True when the reply could not be parsed and <paramref name="Value"/> is the fallback.</param>
public sealed record DecisionOutcome<T>(T Value, bool FellBack);
