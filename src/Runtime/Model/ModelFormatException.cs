namespace Agents.Runtime.Model;

/// <summary>A model folder or one of its files (config.json, model.safetensors) is missing, corrupt or does not match; the message names the file.</summary>
public sealed class ModelFormatException(string message, Exception? inner = null) : Exception(message, inner);
