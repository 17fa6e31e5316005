using Agents.World.Events;

namespace Agents.World.Simulation;

/// <summary>
/// A behaviour with state of its own (memories, plans, conversations) that must survive a crash exactly as the world
/// does: it keeps rows in the run database, written in each step's transaction, and a state blob in each snapshot.
/// </summary>
public interface IPersistentBehavior : IBehavior
{
    /// <summary>
    /// Called once the run database is open, before the first step: create tables, register the step writers
    /// (<see cref="EventLog.StepWriters"/>), and load committed rows. When resuming, <paramref name="resumeStep"/> is the
    /// step the run continues from: rows written by that step or later must be deleted, as they are re-run; on a new
    /// run it is null and the scenario's initial state (seed memories) is written.
    /// </summary>
    void Open(Town town, EventLog log, long? resumeStep);

    /// <summary>The behaviour's in-memory state for a snapshot (what is not in its rows).</summary>
    byte[] CaptureState();

    /// <summary>Restores what <see cref="CaptureState"/> returned, after <see cref="Open"/> on resume.</summary>
    void RestoreState(byte[] state);
}
