namespace Agents.Runtime.Inference;

/// <summary>A regex or JSON schema that the constrained decoder cannot compile; the message says where and why.</summary>
public sealed class ConstraintException(string message) : Exception(message);
