namespace Agents.Benchmarks.Runtime;

/// <summary>
/// Console modes of the runtime benchmarks (not BenchmarkDotNet: each is one long measured run):
/// <c>nanogpt [iterations] [threads]</c>, <c>train-mfu [steps] [threads]</c>, <c>decode [tokens] [threads]</c>,
/// <c>serve [tokens] [threads]</c> and <c>constrained [tokens] [threads]</c>.
/// </summary>
public static class RuntimeConsole
{
    public static readonly string[] Modes = ["nanogpt", "train-mfu", "decode", "serve", "constrained"];

    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(int index, int fallback) => args.Length > index && int.TryParse(args[index], out var v) ? v : fallback;
        switch (args[0])
        {
            case "nanogpt":
                var data = Environment.GetEnvironmentVariable("TINYSHAKESPEARE") ?? FindData();
                await NanoGptParity.RunAsync(data, Arg(1, 2000), Arg(2, 0), Console.Out);
                return 0;
            case "train-mfu":
                await TrainingThroughput.RunAsync(Arg(1, 30), Arg(2, 0), Console.Out);
                return 0;
            case "decode":
                await DecodeThroughput.RunAsync(Arg(1, 128), Arg(2, 2), Console.Out);
                return 0;
            case "serve":
                await ServerThroughput.RunAsync(Arg(1, 64), Arg(2, 2), Console.Out);
                return 0;
            case "constrained":
                await ConstrainedOverhead.RunAsync(Arg(1, 96), Arg(2, 2), Console.Out);
                return 0;
            default:
                return 2;
        }
    }

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data", "tinyshakespeare.txt"), Path.Combine(dir.FullName, "data", "tinyshakespeare.txt") })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return "/work/shared/data/tinyshakespeare.txt";
    }
}
