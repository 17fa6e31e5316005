namespace Agents.Collaboration.Programs;

/// <summary>
/// A program scored as ChatDev measures software, plus the hidden tests' pass rate.
/// </summary>
/// <param name="Completeness">The share of the code without placeholders (TODO, pass, todo(), ...), from 0 to 1.</param>
/// <param name="Executability">1 when the program builds and runs every test without error, else 0.</param>
/// <param name="Consistency">How well the code matches the requirement, from 0 to 1: the task's functions defined and its keywords found in the code (<see cref="ProgramScorer.Consistency"/>).</param>
/// <param name="Tests">The hidden test run.</param>
public sealed record ProgramScore(double Completeness, double Executability, double Consistency, ChatDev.SoftwareTestReport Tests)
{
    /// <summary>ChatDev's quality: completeness x executability x consistency.</summary>
    public double Quality => Completeness * Executability * Consistency;

    /// <summary>The share of hidden tests passed.</summary>
    public double PassRate => Tests.PassRate;

    /// <summary>One line: "quality 0.42 = completeness 1.00 x executability 1 x consistency 0.42; tests 8/8".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"quality {Quality:0.00} = completeness {Completeness:0.00} x executability {Executability:0} x consistency {Consistency:0.00}; hidden tests {Tests.Passed}/{Tests.Total}");
}
