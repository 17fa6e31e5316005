namespace Agents.Collaboration.Programs;

/// <summary>A test case: a Mini expression to evaluate and the value it must give.</summary>
/// <param name="Call">The expression, e.g. <c>digit_sum(123)</c>.</param>
/// <param name="Expected">The expected value.</param>
public sealed record MiniTestCase(string Call, MiniValue Expected)
{
    /// <summary>The case as a Mini comparison: <c>digit_sum(123) == 6</c>.</summary>
    public override string ToString() => $"{Call} == {Expected}";
}
