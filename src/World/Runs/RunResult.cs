namespace Agents.World.Runs;

/// <summary>How a run ended.</summary>
/// <param name="Folder">The run folder.</param>
/// <param name="Steps">Steps committed in all.</param>
/// <param name="GameTime">Game time reached.</param>
/// <param name="Hash">SHA-256 of the event log: equal for equal histories.</param>
/// <param name="StepsThisSession">Steps run by this call (fewer than <paramref name="Steps"/> after a resume).</param>
/// <param name="WallTime">Wall-clock time of this call.</param>
public sealed record RunResult(string Folder, long Steps, DateTime GameTime, string Hash, long StepsThisSession, TimeSpan WallTime);
