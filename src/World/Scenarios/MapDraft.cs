using YamlDotNet.Core;

namespace Agents.World.Scenarios;

/// <summary>The map section as read: a legend and a grid, or the path of a Tiled file.</summary>
internal sealed record MapDraft(IReadOnlyDictionary<char, LegendDraft> Legend, GridDraft? Grid, string? TiledPath, Mark At);
