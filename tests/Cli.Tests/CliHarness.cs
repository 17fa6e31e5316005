using System.Diagnostics;

namespace Agents.Cli.Tests;

/// <summary>Runs the agents command in-process (fast) or as a real process (for kill tests).</summary>
internal static class CliHarness
{
    public static string Root => RepoPaths.Root;

    public static string Scenario(string name) => RepoPaths.Scenario(name);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AgentsCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Starts `dotnet Agents.Cli.dll ARGS` from the test's output folder.</summary>
    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Agents.Cli.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
