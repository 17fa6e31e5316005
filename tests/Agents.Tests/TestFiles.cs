namespace Agents.Tests;

/// <summary>Paths of the repository's scenarios and a temporary folder per test.</summary>
internal static class TestFiles
{
    public static string Scenario(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "scenarios")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("scenarios folder not found"), "scenarios", name);
    }

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "agents-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }
}
