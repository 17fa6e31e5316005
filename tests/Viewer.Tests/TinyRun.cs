using Agents.World.Runs;
using Agents.World.Scenarios;

namespace Agents.Viewer.Tests;

/// <summary>A real run of scenarios/tiny.yaml from midnight to 09:30, made once and shared by the tests that read it.</summary>
public sealed class TinyRun : IDisposable
{
    private readonly TempFolder _temp = new();

    public TinyRun()
    {
        Scenario = ScenarioLoader.Load(RepoPaths.Scenario("tiny.yaml"));
        Folder = _temp["run"];
        using var run = HeadlessRun.Create(Scenario, Folder, new RunOptions(Until: new DateTime(2023, 2, 13, 9, 30, 0)));
        run.RunAsync(null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public Scenario Scenario { get; }

    public string Folder { get; }

    public void Dispose() => _temp.Dispose();
}
