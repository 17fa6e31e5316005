namespace Agents.World.Scenarios;

/// <summary>
/// What drives the agents' decisions (YAML key <c>mind</c>): <c>{ kind: scripted }</c> (rule-based, no model),
/// <c>{ kind: model, model: models/default }</c> (a model folder served by the runtime) or
/// <c>{ kind: endpoint, endpoint: http://..., model: name, api_key_env: OPENAI_API_KEY }</c> (an OpenAI-compatible server).
/// </summary>
/// <param name="Kind">One of <see cref="MindKinds"/>: scripted, model or endpoint.</param>
/// <param name="Model">The model folder (kind model; as written in the file, a relative path is the caller's to resolve) or the model name the endpoint serves (kind endpoint).</param>
/// <param name="Endpoint">The endpoint's base address (kind endpoint only).</param>
/// <param name="ApiKeyVariable">The environment variable holding the endpoint's API key, if it needs one.</param>
/// <param name="Temperature">The sampling temperature (YAML <c>temperature</c>, default 0.7).</param>
/// <param name="CallBudget">The most model calls a run may make (YAML <c>call_budget</c>), or null for no limit.</param>
public sealed record MindSpec(string Kind, string? Model, string? Endpoint, string? ApiKeyVariable, double Temperature, int? CallBudget)
{
    /// <summary>The default temperature.</summary>
    public const double DefaultTemperature = 0.7;

    /// <summary>The default mind: scripted, no model.</summary>
    public static MindSpec Scripted { get; } = new(MindKinds.Scripted, null, null, null, DefaultTemperature, null);
}
