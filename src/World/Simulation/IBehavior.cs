using Agents.World.Events;

namespace Agents.World.Simulation;

/// <summary>
/// Decides what agents do next: sets their <see cref="Components.Activity"/> and <see cref="Components.Movement"/>.
/// The one replaceable system of a step: <see cref="RoutineBehavior"/> follows daily routines; cognition replaces it.
/// </summary>
public interface IBehavior
{
    /// <summary>Updates the agents for the current step, recording what it changes.</summary>
    ValueTask UpdateAsync(Town town, StepEvents events, CancellationToken cancellationToken);
}
