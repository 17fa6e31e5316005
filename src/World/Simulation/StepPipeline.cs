using Agents.World.Events;

namespace Agents.World.Simulation;

/// <summary>
/// One step of the world, its systems in the design's fixed order: perception (what each agent notices, in
/// <see cref="Town.PerceivedBy"/>), behaviour (routine or cognition: decisions), execution (movement, arrivals, object
/// states). The events of the step are in <see cref="Events"/> afterwards; then the clock advances.
/// </summary>
public sealed class StepPipeline(IBehavior behavior)
{
    private readonly MovementSystem _movement = new();
    private readonly PerceptionSystem _perception = new();

    /// <summary>The events of the last step run.</summary>
    public StepEvents Events { get; } = new();

    /// <summary>The behaviour system in use.</summary>
    public IBehavior Behavior { get; } = behavior;

    /// <summary>Runs the town's next step.</summary>
    public async ValueTask StepAsync(Town town, CancellationToken cancellationToken)
    {
        Events.Begin(town.Clock.Step, town.Clock.Now);
        _perception.Update(town, Events);
        await Behavior.UpdateAsync(town, Events, cancellationToken).ConfigureAwait(false);
        _movement.Update(town, Events);
        town.Clock.Advance();
    }
}
