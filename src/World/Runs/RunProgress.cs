namespace Agents.World.Runs;

/// <summary>Where a run is, for progress bars.</summary>
/// <param name="Step">Steps done.</param>
/// <param name="TotalSteps">Steps the run will do in all.</param>
/// <param name="GameTime">Game time reached.</param>
/// <param name="StepsPerSecond">Recent speed, in steps per wall-clock second.</param>
public sealed record RunProgress(long Step, long TotalSteps, DateTime GameTime, double StepsPerSecond);
