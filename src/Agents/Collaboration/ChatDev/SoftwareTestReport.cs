namespace Agents.Collaboration.ChatDev;

/// <summary>What a test run found.</summary>
/// <param name="Passed">Tests whose result was the expected one.</param>
/// <param name="Failed">Tests that ran but gave another result.</param>
/// <param name="Errors">Tests that stopped with an error (a runtime error, a budget or depth limit, a missing function).</param>
/// <param name="BuildError">Why the program could not be built (no files, a syntax error); null when it built.</param>
/// <param name="Text">The report as the tester writes it (the {test_reports} artifact).</param>
public sealed record SoftwareTestReport(int Passed, int Failed, int Errors, string? BuildError, string Text)
{
    /// <summary>Tests run.</summary>
    public int Total => Passed + Failed + Errors;

    /// <summary>True when the program built and every test ran without error (ChatDev's executability).</summary>
    public bool Executable => BuildError is null && Errors == 0;

    /// <summary>True when the program built and every test passed.</summary>
    public bool AllPassed => BuildError is null && Failed == 0 && Errors == 0;

    /// <summary>The share of tests passed (0 when none ran).</summary>
    public double PassRate => Total == 0 ? 0 : (double)Passed / Total;
}
