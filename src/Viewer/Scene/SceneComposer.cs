using Agents.Viewer.Frames;
using Agents.Viewer.Panel;

namespace Agents.Viewer.Scene;

/// <summary>
/// Turns a <see cref="TownFrame"/> into a <see cref="SceneState"/>: agent views with their flags, objects with their
/// states, and the selected agent's panel built by the panel sections. Stateless apart from its section list; safe to
/// share if the sections are.
/// </summary>
/// <param name="sections">The panel sections, top to bottom; <see cref="DefaultSections"/> when null.</param>
public sealed class SceneComposer(IReadOnlyList<IAgentPanelSection>? sections = null)
{
    /// <summary>The sections shown today: persona, routine as plan, current activity, perceptions.</summary>
    public static IReadOnlyList<IAgentPanelSection> DefaultSections { get; } =
        [new PersonaSection(), new RoutinePlanSection(), new ActivitySection(), new PerceivedSection()];

    /// <summary>A composer with the default sections, followed by the memory sections when there is a bank.</summary>
    public static SceneComposer WithMemories(Memory.MemoryBank? bank) =>
        new(bank is null ? null : [.. DefaultSections, .. MemorySections.Over(bank)]);

    /// <summary>The sections this composer uses.</summary>
    public IReadOnlyList<IAgentPanelSection> Sections { get; } = sections ?? DefaultSections;

    /// <summary>True when an activity reads as sleep ("sleep", "go to sleep", "sleeping") and the agent stands still.</summary>
    public static bool IsSleeping(AgentFrame agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return !agent.IsMoving && (agent.Activity.Contains("sleep", StringComparison.OrdinalIgnoreCase) || agent.Activity.Contains("asleep", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The scene of <paramref name="frame"/> seen through <paramref name="camera"/>, with <paramref name="selected"/> ringed and in the panel.</summary>
    public SceneState Compose(TownFrame frame, Camera camera, string? selected)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var map = frame.Scenario.Map;
        var agents = new AgentView[frame.Agents.Count];
        for (var i = 0; i < agents.Length; i++)
        {
            var a = frame.Agents[i];
            var caption = a.IsMoving ? $"→ {a.Activity}" : a.Activity;
            agents[i] = new AgentView(a.Index, a.Name, a.Position.X, a.Position.Y, caption, a.IsMoving, IsSleeping(a), IsTalking: false);
        }

        var objects = new List<ObjectView>();
        foreach (var o in map.Objects)
        {
            var address = o.Address.ToString();
            var state = frame.ObjectStates.TryGetValue(address, out var s) ? s : o.InitialState;
            objects.Add(new ObjectView(o.Address.Object ?? address, o.Position, state));
        }

        var chosen = frame.FindAgent(selected);
        return new SceneState(map, frame.Time, agents, objects, camera)
        {
            Selected = chosen?.Name,
            Panel = chosen is null ? null : BuildPanel(frame, chosen),
            Title = frame.Scenario.Name,
        };
    }

    /// <summary>
    /// The scene with each agent that steps one tile between this frame and <paramref name="next"/> drawn
    /// <paramref name="fraction"/> of the way there, so walkers glide instead of jumping.
    /// </summary>
    public static SceneState Interpolate(SceneState scene, TownFrame? next, double fraction)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (next is null || fraction <= 0 || next.Agents.Count != scene.Agents.Count)
        {
            return scene;
        }

        var t = (float)Math.Min(fraction, 1);
        var agents = new AgentView[scene.Agents.Count];
        for (var i = 0; i < agents.Length; i++)
        {
            var a = scene.Agents[i];
            var to = next.Agents[i].Position;
            var dx = to.X - a.X;
            var dy = to.Y - a.Y;
            agents[i] = Math.Abs(dx) + Math.Abs(dy) is > 0 and <= 1 ? a with { X = a.X + (dx * t), Y = a.Y + (dy * t) } : a;
        }

        return scene with { Agents = agents };
    }

    /// <summary>The agent whose disc is under the screen point, or null (the topmost, nearest the centre).</summary>
    public static string? AgentAt(TownFrame frame, Camera camera, float x, float y, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var tile = camera.ScreenToTile(x, y, width, height);
        var reach = Math.Max(0.5f, Rendering.SceneRenderer.DiscRadius(camera.TileSize) / camera.TileSize);
        string? best = null;
        var bestDistance = float.MaxValue;
        foreach (var a in frame.Agents)
        {
            var dx = tile.X - (a.Position.X + 0.5f);
            var dy = tile.Y - (a.Position.Y + 0.5f);
            var d = (dx * dx) + (dy * dy);
            if (d <= reach * reach && d < bestDistance)
            {
                best = a.Name;
                bestDistance = d;
            }
        }

        return best;
    }

    private AgentPanel BuildPanel(TownFrame frame, AgentFrame agent)
    {
        var built = new List<PanelSection>(Sections.Count);
        foreach (var section in Sections)
        {
            if (section.Build(frame, agent) is { } s)
            {
                built.Add(s);
            }
        }

        return new AgentPanel(agent.Name, agent.Index, built);
    }
}
