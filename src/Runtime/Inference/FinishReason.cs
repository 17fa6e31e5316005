namespace Agents.Runtime.Inference;

/// <summary>Why a reply ended.</summary>
public enum FinishReason
{
    /// <summary>The model ended its message or a stop sequence appeared.</summary>
    Stop,

    /// <summary>The token limit or the context length was reached.</summary>
    Length,
}
