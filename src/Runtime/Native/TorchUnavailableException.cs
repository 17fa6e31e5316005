namespace Agents.Runtime.Native;

/// <summary>TorchSharp's native library could not be loaded; the runtime cannot compute, the rest of the framework still works.</summary>
public sealed class TorchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
