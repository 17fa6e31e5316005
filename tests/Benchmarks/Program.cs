using Agents.Benchmarks.Runtime;
using BenchmarkDotNet.Running;

if (args is ["kd", ..]) return await DistillationComparison.RunAsync(args[1..], Console.Out);

// Console modes for long single runs (see Runtime/RuntimeConsole.cs), e.g. `-- nanogpt` or `-- train-mfu`.
if (args.Length > 0 && RuntimeConsole.Modes.Contains(args[0]))
{
    return await RuntimeConsole.RunAsync(args);
}

// Every suite in this assembly is listed; pick with --filter, e.g. `--filter '*Ecs*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
