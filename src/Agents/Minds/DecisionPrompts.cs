namespace Agents.Minds;

/// <summary>The system prompt every decision is sent with (and recorded with, for distillation).</summary>
public static class DecisionPrompts
{
    /// <summary>Tells the model its role and that the reply's form matters.</summary>
    public const string System = "You are the mind of a character in a simulated town. The prompt's first line names the decision; answer it in character, exactly in the form its Reply line asks for, and nothing else.";
}
