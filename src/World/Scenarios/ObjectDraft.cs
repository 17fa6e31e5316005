using YamlDotNet.Core;

namespace Agents.World.Scenarios;

/// <summary>An object as read; <see cref="At"/> is null when it could not be read.</summary>
internal sealed record ObjectDraft(string Name, int[]? At, string State, Mark NameAt, Mark AtAt);
