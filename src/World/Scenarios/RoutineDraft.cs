using YamlDotNet.Core;

namespace Agents.World.Scenarios;

/// <summary>A routine item as read.</summary>
internal sealed record RoutineDraft(TimeOnly At, string Activity, string Place, Mark PlaceAt);
