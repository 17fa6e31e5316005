namespace Agents.Viewer.Scene;

/// <summary>A conversation turn drawn above its speaker.</summary>
/// <param name="Speaker">The speaking agent's name, as in <see cref="AgentView.Name"/>.</param>
/// <param name="Text">What it says; long turns are cut with an ellipsis.</param>
public sealed record SpeechBubble(string Speaker, string Text);
