namespace Agents.Runtime.Checkpoints;

/// <summary>Element types this safetensors reader and writer handle.</summary>
public enum SafeTensorsType
{
    /// <summary>32-bit float ("F32").</summary>
    F32,

    /// <summary>bfloat16 ("BF16").</summary>
    BF16,

    /// <summary>64-bit float ("F64").</summary>
    F64,
}
