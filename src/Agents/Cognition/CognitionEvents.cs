namespace Agents.Cognition;

/// <summary>The event kinds cognition adds to the log, with their payloads.</summary>
public static class CognitionEvents
{
    /// <summary>An agent said something to another (<see cref="TalkSaid"/>).</summary>
    public const string Talk = "talk";

    /// <summary>A decision's reply could not be parsed; its fallback applied (<see cref="DecisionFellBack"/>).</summary>
    public const string DecisionFallback = "decision_fallback";

    /// <summary>An agent made or changed a plan (<see cref="PlanMade"/>).</summary>
    public const string Plan = "plan";

    /// <summary>An agent stored a reflection (<see cref="Reflected"/>).</summary>
    public const string Reflect = "reflect";
}
