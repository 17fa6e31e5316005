using System.Globalization;
using System.Text;
using Agents.Collaboration.ChatDev;

namespace Agents.Collaboration.Programs;

/// <summary>
/// Runs Mini files against test cases, each case in its own run with its own budget, and writes a report a
/// programmer can act on (which call failed, what it gave, what was expected, where an error happened). Immutable and
/// thread-safe.
/// </summary>
public sealed class MiniTester : ISoftwareTester
{
    private const int ListedProblems = 5;
    private const int ShownValue = 120;
    private readonly IReadOnlyList<MiniTestCase> _tests;
    private readonly MiniLimits _limits;

    /// <summary>Creates a tester of <paramref name="tests"/>, each run within <paramref name="limits"/>.</summary>
    public MiniTester(IReadOnlyList<MiniTestCase> tests, MiniLimits? limits = null)
    {
        _tests = tests ?? throw new ArgumentNullException(nameof(tests));
        _limits = limits ?? MiniLimits.Default;
    }

    /// <summary>The test cases.</summary>
    public IReadOnlyList<MiniTestCase> Tests => _tests;

    /// <inheritdoc />
    public SoftwareTestReport Test(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            const string missing = "No program was written: the replies hold no code block.";
            return new SoftwareTestReport(0, 0, 0, missing, missing);
        }

        MiniProgram program;
        try
        {
            program = MiniParser.Parse(files);
        }
        catch (MiniSyntaxException e)
        {
            return new SoftwareTestReport(0, 0, 0, e.Message, $"The program does not build: {e.Message} No test ran.");
        }

        return Run(program);
    }

    /// <summary>Runs every case on <paramref name="program"/>.</summary>
    public SoftwareTestReport Run(MiniProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        int passed = 0, failed = 0, errors = 0;
        var problems = new List<string>();
        foreach (var test in _tests)
        {
            try
            {
                var value = program.Evaluate(test.Call, _limits);
                if (value.Equals(test.Expected))
                {
                    passed++;
                    continue;
                }

                failed++;
                problems.Add($"FAILED {test.Call}: returned {value.ToString(ShownValue)}; expected {test.Expected.ToString(ShownValue)}");
            }
            catch (MiniRuntimeException e)
            {
                errors++;
                problems.Add($"ERROR {test.Call}: {e.Message}");
            }
            catch (MiniSyntaxException e)
            {
                errors++;
                var defined = program.Functions.Count == 0 ? "none" : string.Join(", ", program.Functions.Select(f => $"{f.Name}({string.Join(", ", f.Parameters)})"));
                problems.Add($"ERROR {test.Call}: the program cannot make this call ({e.Problem} It defines: {defined}.)");
            }
        }

        var text = new StringBuilder();
        var names = string.Join(", ", program.Files.Keys.Order(StringComparer.Ordinal));
        text.Append(CultureInfo.InvariantCulture, $"Ran {_tests.Count} tests on {names}: {passed} passed, {failed} failed, {errors} with errors.");
        foreach (var problem in problems.Take(ListedProblems))
        {
            text.Append('\n').Append(problem);
        }

        if (problems.Count > ListedProblems)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n... and {problems.Count - ListedProblems} more.");
        }

        return new SoftwareTestReport(passed, failed, errors, null, text.ToString());
    }
}
