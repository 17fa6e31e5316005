namespace Agents.Arena;

/// <summary>What the bootstrap resamples.</summary>
public enum BootstrapUnit
{
    /// <summary>Battles, each on its own (Chatbot Arena's way; too narrow when many battles share an item).</summary>
    Battles,

    /// <summary>Items, each with all its battles (a cluster bootstrap: honest when battles of one item are correlated).</summary>
    Items,
}
