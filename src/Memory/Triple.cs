namespace Agents.Memory;

/// <summary>An event's subject-predicate-object, as perception compares them ("Isabella", "is", "brewing coffee").</summary>
/// <param name="Subject">Who or what acts.</param>
/// <param name="Predicate">The verb.</param>
/// <param name="Object">What is acted on, or the state.</param>
public readonly record struct Triple(string Subject, string Predicate, string Object);
