using MessagePack;

namespace Agents.Cognition;

/// <summary>Everything of the cognition loop that rides in a snapshot.</summary>
[MessagePackObject]
internal sealed class CognitionState
{
    [Key(0)] public List<AgentMindState> Agents { get; set; } = [];
    [Key(1)] public List<ConversationState> Conversations { get; set; } = [];
    [Key(2)] public Dictionary<string, long> CooldownUntil { get; set; } = [];
    [Key(3)] public bool Started { get; set; }
    [Key(4)] public Dictionary<string, long> Fallbacks { get; set; } = [];
    [Key(5)] public Dictionary<string, long> Decisions { get; set; } = [];
}
