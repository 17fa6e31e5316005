namespace Agents.Runtime;

/// <summary>A runtime option makes no sense (a range, a device that is not there, a resume that does not match); the message names the option.</summary>
public sealed class RuntimeOptionException(string message) : Exception(message);
