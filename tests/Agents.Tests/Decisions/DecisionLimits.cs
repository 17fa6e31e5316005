namespace Agents.Tests.Decisions;

/// <summary>The bounds the small model's prompts are held to.</summary>
internal static class DecisionLimits
{
    /// <summary>The most characters a user prompt may have: about 350 tokens at four characters a token.</summary>
    public const int PromptCharacters = 1400;
}
