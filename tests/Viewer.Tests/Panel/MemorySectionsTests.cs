using Agents.Memory;
using Agents.Memory.Storage;
using Agents.Viewer.Headless;
using Agents.Viewer.Replay;
using Microsoft.Data.Sqlite;

namespace Agents.Viewer.Tests.Panel;

[Collection(TinyRunCollection.Name)]
public sealed class MemorySectionsTests(TinyRun run) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_run_without_memories_has_no_memory_sections()
    {
        using var replay = RunReplay.Open(run.Folder);
        Assert.Null(replay.LoadMemories());
        using var export = new FrameExport(replay) { Selected = "Tom Moreno" };
        Assert.DoesNotContain(export.SceneAt(3000).Panel!.Sections, s => s.Title == "Memories");
    }

    [Fact]
    public void The_panel_shows_memories_retrieval_scores_and_reflections_made_by_the_frame_time()
    {
        var folder = CopyRunWithMemories();
        using var replay = RunReplay.Open(folder);
        using var export = new FrameExport(replay) { Selected = "Tom Moreno" };
        var panel = export.SceneAt(replay.StepAt(new DateTime(2023, 2, 13, 8, 30, 0))).Panel!;
        Assert.Equal(["Persona", "Today's plan", "Now", "Perceived", "Memories", "Retrieval now: total (recency, importance, relevance)", "Reflections"], panel.Sections.Select(s => s.Title));

        var memories = panel.Sections[4].Lines.Select(l => l.Text).ToList();
        Assert.Equal(["08:10 thought (6) Tom enjoys his mornings at the cafe", "07:40 saw (3) Jane is working at the cafe", "07:05 saw (2) Tom is making coffee"], memories);

        var retrieval = panel.Sections[5].Lines.Select(l => l.Text).ToList();
        Assert.Equal(3, retrieval.Count);
        Assert.All(retrieval, line => Assert.Matches(@"^\d\.\d\d \(\d\.\d\d, \d\.\d\d, 0\.50\) ", line));
        Assert.EndsWith("Tom enjoys his mornings at the cafe", retrieval[0], StringComparison.Ordinal); // newest and most important

        var reflections = panel.Sections[6].Lines.Select(l => l.Text).ToList();
        Assert.Equal(["◆ Tom enjoys his mornings at the cafe", "  · Tom is making coffee", "  · Jane is working at the cafe"], reflections);
        Assert.DoesNotContain(panel.Sections.SelectMany(s => s.Lines), l => l.Text.Contains("later", StringComparison.Ordinal));
    }

    private string CopyRunWithMemories()
    {
        var folder = _temp["run"];
        foreach (var file in Directory.GetFiles(run.Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(run.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var bank = new MemoryBank(16);
        var tom = bank.Stream("Tom Moreno");
        var day = new DateTime(2023, 2, 13);
        var coffee = tom.Append(MemoryKind.Observation, "Tom is making coffee", day.AddHours(7).AddMinutes(5), 2, Embedding(1));
        var jane = tom.Append(MemoryKind.Observation, "Jane is working at the cafe", day.AddHours(7).AddMinutes(40), 3, Embedding(2));
        tom.Append(MemoryKind.Reflection, "Tom enjoys his mornings at the cafe", day.AddHours(8).AddMinutes(10), 6, Embedding(3), evidence: [coffee.Id, jane.Id]);
        tom.Append(MemoryKind.Observation, "a later memory", day.AddHours(9), 9, Embedding(4));
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "run.sqlite")};Pooling=False");
        connection.Open();
        using var tx = connection.BeginTransaction();
        SqliteMemoryStore.EnsureSchema(connection, tx);
        SqliteMemoryStore.SaveChanges(bank, tx);
        tx.Commit();
        return folder;
    }

    private static float[] Embedding(int seed)
    {
        var e = new float[16];
        e[seed] = 1;
        return e;
    }
}
