using YamlDotNet.Core;

namespace Agents.World.Scenarios;

/// <summary>An arena as read, with its objects; <see cref="Area"/> is null when it could not be read.</summary>
internal sealed record ArenaDraft(string Name, int[]? Area, Mark NameAt, Mark AreaAt, IReadOnlyList<ObjectDraft> Objects);
