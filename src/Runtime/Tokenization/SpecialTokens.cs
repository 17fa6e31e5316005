namespace Agents.Runtime.Tokenization;

/// <summary>The special tokens of the chat template; they take the first ids of every vocabulary, in this order.</summary>
public static class SpecialTokens
{
    /// <summary>Ends a document in pretraining and a whole conversation.</summary>
    public const string EndOfText = "<|endoftext|>";

    /// <summary>Opens a system message.</summary>
    public const string System = "<|system|>";

    /// <summary>Opens a user message.</summary>
    public const string User = "<|user|>";

    /// <summary>Opens an assistant message.</summary>
    public const string Assistant = "<|assistant|>";

    /// <summary>Ends a message; generation stops on it.</summary>
    public const string EndOfMessage = "<|end|>";

    /// <summary>All special tokens, in id order.</summary>
    public static IReadOnlyList<string> All { get; } = [EndOfText, System, User, Assistant, EndOfMessage];
}
