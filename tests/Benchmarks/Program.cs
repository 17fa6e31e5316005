using BenchmarkDotNet.Running;

// Every suite in this assembly is listed; pick with --filter, e.g. `--filter '*Ecs*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
