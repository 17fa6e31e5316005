namespace Agents.Collaboration.ChatDev;

/// <summary>
/// The tester role's machinery: builds and runs the chain's files against test cases the programmer does not see,
/// and reports what failed. Implementations say their own thread-safety.
/// </summary>
public interface ISoftwareTester
{
    /// <summary>Tests <paramref name="files"/> (name to content).</summary>
    SoftwareTestReport Test(IReadOnlyDictionary<string, string> files);
}
