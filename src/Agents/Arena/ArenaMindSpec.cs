namespace Agents.Arena;

/// <summary>Which mind an arena file asks for, to play (its <c>mind</c>) or to judge open-ended items (its <c>judge</c>).</summary>
/// <param name="Kind">"simulated" (the rule-based <see cref="SimulatedSolverMind"/>), "model" (a model folder served by the bundled runtime) or "endpoint" (an OpenAI-compatible server).</param>
/// <param name="Seed">The simulated mind's seed, or the model's sampling seed.</param>
/// <param name="Endpoint">The endpoint's base URL, e.g. http://127.0.0.1:11434/v1.</param>
/// <param name="Model">The endpoint's model name, or the model folder (kind model; resolved against the arena file's folder).</param>
/// <param name="Temperature">The model's sampling temperature (a file's judge defaults to <see cref="ArenaFile.JudgeTemperature"/>).</param>
public sealed record ArenaMindSpec(string Kind = "simulated", int Seed = 0, string? Endpoint = null, string? Model = null, double Temperature = 0.7);
