namespace Agents.Runtime.Inference;

/// <summary>The engine's slots and its wait queue are full: the request is refused; try again later.</summary>
public sealed class EngineBusyException(string message) : Exception(message);
