namespace Agents.World.Scenarios;

/// <summary>The kinds of mind a scenario can name.</summary>
public static class MindKinds
{
    /// <summary>The rule-based teacher: deterministic behaviour from persona, schedule and memories, no model.</summary>
    public const string Scripted = "scripted";

    /// <summary>A model folder run by the framework's own runtime.</summary>
    public const string Model = "model";

    /// <summary>An OpenAI-compatible HTTP endpoint.</summary>
    public const string Endpoint = "endpoint";

    /// <summary>All kinds, in the order messages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Scripted, Model, Endpoint];
}
