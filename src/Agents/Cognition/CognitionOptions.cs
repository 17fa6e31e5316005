namespace Agents.Cognition;

/// <summary>Constants of the cognition loop (the paper's where it gives them).</summary>
/// <param name="MaxRounds">Rounds of a conversation at most (two utterances a round).</param>
/// <param name="ConversationCooldown">Game time before the same pair may talk again.</param>
/// <param name="MemoriesInPrompt">
/// Memories shown in an insight prompt (retrieval's top k for prompts; compact for small models); day plan, reaction and
/// conversation prompts show one fewer.
/// </param>
/// <param name="FirstTalkHour">Agents do not start conversations before this hour.</param>
/// <param name="LastTalkHour">Agents do not start conversations from this hour on (late at night).</param>
/// <param name="WaitSteps">Steps an agent waits when it decides to wait for someone.</param>
/// <param name="RecentForReflection">Recent memories shown when an agent asks itself its focal questions.</param>
public sealed record CognitionOptions(
    int MaxRounds = 8,
    TimeSpan? ConversationCooldown = null,
    int MemoriesInPrompt = 5,
    int FirstTalkHour = 7,
    int LastTalkHour = 22,
    int WaitSteps = 30,
    int RecentForReflection = 8)
{
    /// <summary>The cooldown in effect (default about 2 game hours, as the paper's 800 steps).</summary>
    public TimeSpan Cooldown => ConversationCooldown ?? TimeSpan.FromHours(2);
}
