namespace Agents.World.Tests.Scenarios;

/// <summary>Finds the repository's scenario files and writes scenario text into temporary folders.</summary>
internal static class ScenarioFiles
{
    /// <summary>The repository's scenarios folder, found by walking up from the test binaries.</summary>
    public static string Folder { get; } = FindFolder();

    public static string Tiny => Path.Combine(Folder, "tiny.yaml");

    public static string Smallville => Path.Combine(Folder, "smallville.yaml");

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios");
            if (File.Exists(Path.Combine(candidate, "tiny.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No scenarios/tiny.yaml above " + AppContext.BaseDirectory);
    }
}
