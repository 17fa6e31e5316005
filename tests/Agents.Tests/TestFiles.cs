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

    // One root per test process, deleted when the process ends, so runs leave nothing behind in the temp folder.
    private static readonly string Root = CreateRoot();

    public static string TempFolder()
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string CreateRoot()
    {
        // The test host may be ended without running exit handlers: clear the roots of test processes that are gone.
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), "agents-tests-*"))
        {
            if (int.TryParse(Path.GetFileName(stale)["agents-tests-".Length..], out var pid) && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(stale, recursive: true);
                }
                catch (IOException)
                {
                    // Another test process is clearing it too.
                }
            }
        }

        var root = Path.Combine(Path.GetTempPath(), "agents-tests-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit; the OS cleans temp folders.
            }
        };
        return root;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
