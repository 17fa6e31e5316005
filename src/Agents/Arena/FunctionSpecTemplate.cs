using Agents.Collaboration.Programs;

namespace Agents.Arena;

/// <summary>
/// A kind of function specification: the function's name and parameters, the requirement with {constant}
/// placeholders, the constants' ranges, an input generator with fixed edge cases, the reference in C#, and the
/// reference program in Mini (with the same placeholders). Immutable and thread-safe.
/// </summary>
internal sealed record FunctionSpecTemplate(
    string Function,
    string[] Parameters,
    string Requirement,
    (string Name, int Min, int Max)[] Constants,
    MiniValue[][] EdgeCases,
    Func<Random, IReadOnlyDictionary<string, long>, MiniValue[]> Input,
    Func<IReadOnlyDictionary<string, long>, MiniValue[], MiniValue> Reference,
    string Program);
