namespace Agents.World.Events;

/// <summary>The event kinds the world writes, with the payload type of each.</summary>
public static class EventKinds
{
    /// <summary>An agent began an activity (<see cref="ActivityStarted"/>).</summary>
    public const string Activity = "activity";

    /// <summary>An agent set off along a path (<see cref="PathStarted"/>).</summary>
    public const string Path = "path";

    /// <summary>An agent could not find a path (<see cref="PathFailed"/>).</summary>
    public const string PathFailed = "path_failed";

    /// <summary>An agent reached its destination (<see cref="Arrived"/>).</summary>
    public const string Arrive = "arrive";

    /// <summary>An agent entered another place, or the street (<see cref="PlaceEntered"/>).</summary>
    public const string Enter = "enter";

    /// <summary>An object's state changed (<see cref="ObjectChanged"/>).</summary>
    public const string Object = "object";

    /// <summary>An agent perceived an event it did not already know (<see cref="Perceived"/>).</summary>
    public const string Perceive = "perceive";
}
