namespace Agents.Runtime.Tokenization;

/// <summary>A tokenizer file or vocabulary is malformed; the message names the file and the problem.</summary>
public sealed class TokenizerFormatException(string message, Exception? inner = null) : Exception(message, inner);
