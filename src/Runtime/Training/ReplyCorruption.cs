namespace Agents.Runtime.Training;

/// <summary>Ways <see cref="PreferencePairBuilder"/> spoils a good reply into a rejected one.</summary>
public enum ReplyCorruption
{
    /// <summary>Cut to about half its length (at a word boundary where there is one).</summary>
    Truncated,

    /// <summary>Its words (or, for one word, its characters) in a shuffled order.</summary>
    Shuffled,

    /// <summary>The wrong format: a JSON reply loses its quotes and braces; a prose reply gets wrapped in JSON.</summary>
    WrongFormat,

    /// <summary>Another conversation's reply: well formed, but not an answer to this prompt.</summary>
    OtherReply,
}
