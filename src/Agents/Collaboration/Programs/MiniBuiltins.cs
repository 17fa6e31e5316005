namespace Agents.Collaboration.Programs;

/// <summary>The built-in functions of Mini and how many arguments each takes.</summary>
internal static class MiniBuiltins
{
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Arity = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["len"] = (1, 1),
        ["range"] = (1, 2),
        ["abs"] = (1, 1),
        ["min"] = (1, 2),
        ["max"] = (1, 2),
        ["str"] = (1, 1),
        ["int"] = (1, 1),
        ["push"] = (2, 2),
        ["todo"] = (0, 1),
    };
}
