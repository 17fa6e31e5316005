namespace Agents.Runtime.Native;

/// <summary>A native library file could not be read or patched (not ELF64, malformed version tables).</summary>
public sealed class NativeLibraryPatchException(string message) : Exception(message);
