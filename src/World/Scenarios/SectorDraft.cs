using YamlDotNet.Core;

namespace Agents.World.Scenarios;

/// <summary>A sector as read, with its arenas; <see cref="Area"/> is null when it could not be read.</summary>
internal sealed record SectorDraft(string Name, int[]? Area, Mark NameAt, Mark AreaAt, IReadOnlyList<ArenaDraft> Arenas);
