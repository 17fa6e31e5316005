namespace Agents.World.Runs;

/// <summary>
/// A run folder that cannot be used as asked: it exists already, it is not a run folder, it is damaged; or a game time
/// given for a run that is in none of the accepted forms.
/// </summary>
public sealed class RunException(string message, Exception? inner = null) : Exception(message, inner);
