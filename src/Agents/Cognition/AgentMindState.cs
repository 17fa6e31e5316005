using MessagePack;

namespace Agents.Cognition;

/// <summary>One agent's cognitive state that is not in its memories: plans, current task, place choice, reflection, talks.</summary>
[MessagePackObject]
internal sealed class AgentMindState
{
    [Key(0)] public string? PlanDate { get; set; }
    [Key(1)] public List<string> DayPlan { get; set; } = [];
    [Key(2)] public List<string>? Schedule { get; set; }
    [Key(3)] public int TasksHour { get; set; } = -1;
    [Key(4)] public string? TasksDate { get; set; }
    [Key(5)] public List<string> Tasks { get; set; } = [];
    [Key(6)] public string? CurrentTaskKey { get; set; }
    [Key(7)] public string? CurrentBase { get; set; }
    [Key(8)] public string? CurrentAddress { get; set; }
    [Key(9)] public string? ChoiceTaskKey { get; set; }
    [Key(10)] public string? ChoiceSector { get; set; }
    [Key(11)] public string? ChoiceArena { get; set; }
    [Key(12)] public string? ChoiceObject { get; set; }
    [Key(13)] public string? PendingObjectState { get; set; }
    [Key(14)] public double ReflectionCounter { get; set; }
    [Key(15)] public List<string> FocalQuestions { get; set; } = [];
    [Key(16)] public bool NeedsReplan { get; set; }
    [Key(17)] public long WaitUntil { get; set; } = -1;
    [Key(18)] public List<PendingMemory> Pending { get; set; } = [];
    [Key(19)] public List<string> Known { get; set; } = [];
    [Key(20)] public string? SummaryPartner { get; set; }
    [Key(21)] public string? SummaryPlace { get; set; }
    [Key(22)] public List<string> SummaryTranscript { get; set; } = [];
    [Key(23)] public string? ReviseMemo { get; set; }
}
