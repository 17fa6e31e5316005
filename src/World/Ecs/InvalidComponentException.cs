namespace Agents.World.Ecs;

/// <summary>Thrown when a value given as a component is null or not a struct.</summary>
public sealed class InvalidComponentException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidComponentException(string message)
        : base(message)
    {
    }
}
