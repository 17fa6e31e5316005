using Agents.World.Map;

namespace Agents.World.Scenarios;

/// <summary>
/// A metric a run reports (one of <see cref="MetricKinds"/>). YAML examples:
/// <c>{ kind: information_diffusion, name: party, fact: ..., keywords: [Valentine, party] }</c>,
/// <c>{ kind: relationship_density }</c>,
/// <c>{ kind: attendance, name: party, place: Hobbs Cafe, from: 2023-02-14 17:00, to: 2023-02-14 19:00, agents: [...] }</c>.
/// </summary>
/// <param name="Kind">information_diffusion, relationship_density or attendance.</param>
/// <param name="Name">A name unique among the scenario's metrics (default: the kind).</param>
/// <param name="Fact">The fact whose spread is measured (information_diffusion).</param>
/// <param name="Keywords">Words whose presence in an agent's memories shows it knows the fact (information_diffusion).</param>
/// <param name="Place">The event's place (attendance).</param>
/// <param name="From">When the event starts (attendance).</param>
/// <param name="To">When the event ends (attendance).</param>
/// <param name="Agents">The agents the metric concerns (the invited, for attendance); empty means all.</param>
public sealed record MetricSpec(
    string Kind,
    string Name,
    string? Fact,
    IReadOnlyList<string> Keywords,
    Address? Place,
    DateTime? From,
    DateTime? To,
    IReadOnlyList<string> Agents);
