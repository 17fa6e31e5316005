using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Agents.Memory.Storage;
using Microsoft.Data.Sqlite;

namespace Agents.Memory.Tests.Storage;

/// <summary>
/// Kills a real child process (DurabilityProbe) that writes one transaction per step, then checks the database:
/// every memory of every step it reported as committed is there, and nothing of a step past the last commit.
/// </summary>
public sealed partial class DurabilityTests : IDisposable
{
    private const int MemoriesPerStep = 300;
    private static readonly DateTime Start = new(2023, 2, 13, 7, 0, 0);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void After_a_kill_every_committed_step_is_complete_and_no_later_step_is_there()
    {
        string database = folder.File("run.sqlite");
        var random = new Random(20230213);
        long lastOnDisk = 0;

        // Three runs, each resuming from what the previous one left, each killed at a different moment.
        for (int round = 0; round < 3; round++)
        {
            long lastReported = RunAndKill(database, stepsBeforeKill: 3 + random.Next(8), delayMilliseconds: random.Next(0, 25));
            Assert.True(lastReported > lastOnDisk, $"round {round}: the probe reported no step after {lastOnDisk}");
            lastOnDisk = CheckDatabase(database, lastReported);
        }
    }

    private static long RunAndKill(string database, int stepsBeforeKill, int delayMilliseconds)
    {
        string probe = Path.Combine(AppContext.BaseDirectory, "Agents.Memory.DurabilityProbe.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(probe);
        start.ArgumentList.Add(database);
        start.ArgumentList.Add(MemoriesPerStep.ToString(CultureInfo.InvariantCulture));

        var committed = new List<long>();
        var errors = new List<string>();
        using var enough = new ManualResetEventSlim();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            Match match = e.Data is null ? Match.Empty : CommittedLine().Match(e.Data);
            if (match.Success)
            {
                lock (committed)
                {
                    committed.Add(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                    if (committed.Count >= stepsBeforeKill)
                    {
                        enough.Set();
                    }
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.Add(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool reported = enough.Wait(TimeSpan.FromSeconds(20));
        Thread.Sleep(delayMilliseconds);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        lock (errors)
        {
            Assert.True(reported, $"The probe reported {committed.Count} steps in 20 s. Its errors: {string.Join('\n', errors)}");
        }

        lock (committed)
        {
            return committed.Max();
        }
    }

    /// <summary>Checks the database against the last step the probe reported; returns the last step on disk.</summary>
    private static long CheckDatabase(string database, long lastReported)
    {
        // Read-only first, as `agents memories` reads a run that was killed (the WAL still holds the last commits).
        MemoryBank bank = SqliteMemoryStore.Load(database);
        long[] steps;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT step FROM steps ORDER BY step";
            using SqliteDataReader reader = command.ExecuteReader();
            var list = new List<long>();
            while (reader.Read())
            {
                list.Add(reader.GetInt64(0));
            }

            steps = [.. list];
        }

        long last = steps[^1];

        // The kill may land after a commit but before its line was printed: then one more step is on disk.
        Assert.InRange(last, lastReported, lastReported + 1);
        Assert.Equal(Enumerable.Range(1, (int)last).Select(s => (long)s), steps);

        var byStep = bank.Owners.SelectMany(o => bank.Stream(o).All)
            .GroupBy(m => long.Parse(StepOf().Match(m.Text).Groups[1].Value, CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(steps, byStep.Keys.Order());
        foreach ((long step, List<MemoryRecord> memories) in byStep)
        {
            Assert.Equal(MemoriesPerStep, memories.Count(m => m.Kind == MemoryKind.Observation));
            Assert.Equal(step % 5 == 0 ? 1 : 0, memories.Count(m => m.Kind == MemoryKind.Reflection));
            Assert.All(memories, m => Assert.Equal(Start.AddSeconds(10 * step), m.Created));
        }

        // Last-access times written by retrievals are those of committed steps only.
        DateTime lastCommittedTime = Start.AddSeconds(10 * last);
        Assert.All(bank.Stream("Klaus").All, m => Assert.True(m.LastAccessed <= lastCommittedTime));
        Assert.Contains(bank.Stream("Klaus").All, m => m.LastAccessed == lastCommittedTime);
        return last;
    }

    [GeneratedRegex(@"^committed (\d+)$")]
    private static partial Regex CommittedLine();

    [GeneratedRegex(@"^step (\d+) ")]
    private static partial Regex StepOf();
}
