using YamlDotNet.Core;

namespace Agents.World.Scenarios;

/// <summary>One legend entry as read from the file: a grid character, its tile kind and whether it is walkable.</summary>
internal sealed record LegendDraft(char Symbol, string Kind, bool Walkable, Mark At);
