namespace Agents.Minds;

/// <summary>The system prompt every decision is sent with (and recorded with, for distillation).</summary>
public static class DecisionPrompts
{
    /// <summary>Tells the model its role and that the reply's form matters.</summary>
    public const string System = "You are a character in a simulated town. Answer the decision named on the first line in character, in exactly the form its Reply line asks for.";
}
