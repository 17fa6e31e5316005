namespace Agents.Arena;

/// <summary>The outcome of prompt evolution.</summary>
/// <param name="Strategy">The strategy whose instruction was improved.</param>
/// <param name="History">Every instruction scored, in the order scored (the starting one first).</param>
/// <param name="Start">The starting instruction and its training score.</param>
/// <param name="Best">The instruction with the best training score (the earliest among equals).</param>
/// <param name="StartTestScore">The starting instruction's accuracy on the held-out items.</param>
/// <param name="BestTestScore">The best instruction's accuracy on the held-out items.</param>
/// <param name="TestItems">The number of held-out items.</param>
public sealed record EvolutionResult(
    string Strategy, IReadOnlyList<ScoredInstruction> History, ScoredInstruction Start, ScoredInstruction Best, double StartTestScore, double BestTestScore, int TestItems)
{
    /// <summary>The held-out gain of the best instruction over the starting one (accuracy points as a fraction).</summary>
    public double Gain => BestTestScore - StartTestScore;
}
