using MessagePack;

namespace Agents.Cognition;

/// <summary>A conversation in progress between two agents (scenario indices).</summary>
[MessagePackObject]
internal sealed class ConversationState
{
    [Key(0)] public int First { get; set; }
    [Key(1)] public int Second { get; set; }
    [Key(2)] public int Next { get; set; }
    [Key(3)] public string Place { get; set; } = string.Empty;
    [Key(4)] public List<string> Transcript { get; set; } = [];

    public int Other(int agent) => agent == First ? Second : First;
}
