namespace Agents.Metrics;

/// <summary>Who of the invited was at the event's place during its window, and who of them knew of it.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Place">The event's place.</param>
/// <param name="From">Window start.</param>
/// <param name="To">Window end.</param>
/// <param name="Invited">The agents concerned.</param>
/// <param name="Attended">Those of them seen at the place in the window.</param>
/// <param name="Knew">Those of them whose memory mentioned the place by the window's start.</param>
public sealed record AttendanceMetric(string Name, string Place, DateTime From, DateTime To, IReadOnlyList<string> Invited, IReadOnlyList<string> Attended, IReadOnlyList<string> Knew);
