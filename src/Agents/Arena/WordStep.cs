namespace Agents.Arena;

/// <summary>One operative sentence of a word problem, as an operation on the running total.</summary>
/// <param name="Sentence">The sentence, e.g. "She buys 3 bags of 6 apples each."</param>
/// <param name="Operator">'+', '-' or '*'.</param>
/// <param name="Factors">The operand as factors: [3, 6] for "3 bags of 6"; [5] for "loses 5".</param>
public sealed record WordStep(string Sentence, char Operator, IReadOnlyList<long> Factors)
{
    /// <summary>The operand's value.</summary>
    public long Operand => Factors.Aggregate(1L, (a, b) => a * b);

    /// <summary>The operand as written in an expression: "3*6" or "5".</summary>
    public string OperandText => string.Join('*', Factors);
}
