using Agents.Memory.Storage;
using Microsoft.Data.Sqlite;
using static Agents.Memory.Tests.Fixtures;

namespace Agents.Memory.Tests.Storage;

public sealed class SqliteMemoryStoreTests : IDisposable
{
    private static readonly float[] X = [1, 0, 0];
    private static readonly float[] Y = [0, 0.6f, 0.8f];

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_saved_bank_loads_back_with_every_field()
    {
        var bank = new MemoryBank(3);
        var isabella = bank.Stream("Isabella");
        MemoryRecord o1 = isabella.Append(MemoryKind.Observation, "Isabella is brewing coffee", Hours(0.5), 3, X, new Triple("Isabella", "is", "brewing coffee"));
        MemoryRecord o2 = isabella.Append(MemoryKind.Chat, "talked with Klaus about the party", Hours(1), 6, Y);
        bank.Stream("Klaus").Append(MemoryKind.Plan, "write the paper today", Hours(1), 5, Y);
        isabella.Append(MemoryKind.Reflection, "Isabella loves hosting", Hours(2), 8, X, evidence: [o2.Id, o1.Id]);
        isabella.Retrieve(X, Hours(3).AddTicks(1234567), k: 1);

        SaveInOneTransaction(bank);
        MemoryBank loaded = SqliteMemoryStore.Load(folder.File("run.sqlite"));

        Assert.Equal(3, loaded.Dimension);
        Assert.Equal(bank.Owners, loaded.Owners);
        Assert.Equal(bank.NextId, loaded.NextId);
        foreach (string owner in bank.Owners)
        {
            Assert.Equal(bank.Stream(owner).All.Select(Describe), loaded.Stream(owner).All.Select(Describe));
        }

        Assert.False(loaded.HasUnsavedChanges);
    }

    [Fact]
    public void Saving_writes_only_what_changed_and_persists_new_last_access_times()
    {
        var bank = new MemoryBank(3);
        var stream = bank.Stream("Maria");
        MemoryRecord relevant = stream.Append(MemoryKind.Observation, "physics", T0, 4, X);
        stream.Append(MemoryKind.Observation, "lunch", T0, 2, Y);

        Assert.Equal(2, SaveInOneTransaction(bank));
        Assert.Equal(0, SaveInOneTransaction(bank));
        stream.Retrieve(X, Hours(5), k: 1);
        stream.Append(MemoryKind.Observation, "exam", Hours(5), 7, X);
        Assert.True(bank.HasUnsavedChanges);
        Assert.Equal(2, SaveInOneTransaction(bank));

        MemoryBank loaded = SqliteMemoryStore.Load(folder.File("run.sqlite"));
        Assert.Equal(Hours(5), loaded.Stream("Maria").Get(relevant.Id).LastAccessed);
        Assert.Equal(3, loaded.Count);
    }

    [Fact]
    public void A_rolled_back_step_leaves_nothing_in_the_database()
    {
        var bank = new MemoryBank(3);
        bank.Stream("Tom").Append(MemoryKind.Observation, "committed", T0, 4, X);
        SaveInOneTransaction(bank);
        bank.Stream("Tom").Append(MemoryKind.Observation, "rolled back", T0, 4, X);

        using (SqliteConnection connection = folder.Open())
        using (SqliteTransaction transaction = connection.BeginTransaction())
        {
            Assert.Equal(1, SqliteMemoryStore.SaveChanges(bank, transaction));
            transaction.Rollback();
        }

        Assert.Equal(["committed"], SqliteMemoryStore.Load(folder.File("run.sqlite")).Stream("Tom").All.Select(m => m.Text));
    }

    [Fact]
    public void A_bank_loaded_from_a_database_continues_its_ids()
    {
        var bank = new MemoryBank(3);
        bank.Stream("Tom").Append(MemoryKind.Observation, "one", T0, 4, X);
        SaveInOneTransaction(bank);

        MemoryBank loaded;
        using (SqliteConnection connection = folder.Open())
        {
            loaded = SqliteMemoryStore.Load(connection);
        }

        MemoryRecord next = loaded.Stream("Sam").Append(MemoryKind.Observation, "two", T0, 4, X);
        SaveInOneTransaction(loaded);

        Assert.Equal(2, next.Id);
        Assert.Equal(2, SqliteMemoryStore.Load(folder.File("run.sqlite")).Count);
    }

    [Fact]
    public void Schema_save_and_load_work_inside_the_steps_open_transaction()
    {
        var bank = new MemoryBank(3);
        bank.Stream("Tom").Append(MemoryKind.Observation, "in the step", T0, 4, X);
        using SqliteConnection connection = folder.Open();
        using SqliteTransaction transaction = connection.BeginTransaction();

        SqliteMemoryStore.EnsureSchema(connection, transaction);
        SqliteMemoryStore.SaveChanges(bank, transaction);
        MemoryBank seen = SqliteMemoryStore.Load(connection, transaction: transaction);
        transaction.Commit();

        Assert.Equal(["in the step"], seen.Stream("Tom").All.Select(m => m.Text));
    }

    [Fact]
    public void An_empty_run_database_loads_as_an_empty_bank()
    {
        using (SqliteConnection connection = folder.Open())
        {
            SqliteMemoryStore.EnsureSchema(connection);
            SqliteMemoryStore.EnsureSchema(connection);
        }

        MemoryBank bank = SqliteMemoryStore.Load(folder.File("run.sqlite"), dimension: 16);

        Assert.Equal(0, bank.Count);
        Assert.Equal(16, bank.Dimension);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_reported_with_its_name()
    {
        string path = folder.File("notes.sqlite");
        File.WriteAllText(path, "these are not the pages of a SQLite database, just some text that is long enough ...........");

        var error = Assert.Throws<MemoryStoreException>(() => SqliteMemoryStore.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_without_memory_tables_or_a_missing_file_is_reported()
    {
        using (SqliteConnection connection = folder.Open("other.sqlite"))
        using (SqliteCommand command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TABLE recipes (name TEXT)";
            command.ExecuteNonQuery();
        }

        var notRun = Assert.Throws<MemoryStoreException>(() => SqliteMemoryStore.Load(folder.File("other.sqlite")));
        var missing = Assert.Throws<MemoryStoreException>(() => SqliteMemoryStore.Load(folder.File("missing.sqlite")));

        Assert.Contains("other.sqlite has no memories table", notRun.Message, StringComparison.Ordinal);
        Assert.Contains("missing.sqlite", missing.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("missing.sqlite")));
    }

    [Theory]
    [InlineData("UPDATE memories SET importance = 42 WHERE id = 2", "row id 2, column importance: expected an integer from 1 to 10, found 42")]
    [InlineData("UPDATE memories SET kind = 'dream' WHERE id = 1", "row id 1, column kind: expected observation, reflection, plan or chat, found 'dream'")]
    [InlineData("UPDATE memories SET embedding = x'0000' WHERE id = 2", "row id 2, column embedding: expected 3 float32 values (12 bytes), found 2 bytes")]
    [InlineData("UPDATE memories SET created = 'yesterday' WHERE id = 1", "row id 1, column created: expected a time like")]
    [InlineData("UPDATE memories SET depth = 4 WHERE id = 3", "memory #3 of Tom: column depth should be 1 from its evidence, found 4")]
    [InlineData("UPDATE memory_evidence SET evidence_id = 3 WHERE memory_id = 3 AND position = 0", "memory #3 of Tom: cites memory #3, which is not an earlier memory of Tom")]
    [InlineData("UPDATE memories SET predicate = NULL WHERE id = 1", "row id 1, column subject/predicate/object: expected all three or none, found 2 of 3")]
    public void A_corrupt_row_is_reported_with_file_row_and_column(string corruption, string expected)
    {
        var bank = new MemoryBank(3);
        var tom = bank.Stream("Tom");
        MemoryRecord o1 = tom.Append(MemoryKind.Observation, "o1", T0, 4, X, new Triple("Tom", "is", "cooking"));
        MemoryRecord o2 = tom.Append(MemoryKind.Observation, "o2", T0, 4, X);
        tom.Append(MemoryKind.Reflection, "r", Hours(1), 6, X, evidence: [o1.Id, o2.Id]);
        SaveInOneTransaction(bank);
        using (SqliteConnection connection = folder.Open())
        using (SqliteCommand command = connection.CreateCommand())
        {
            command.CommandText = corruption;
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var error = Assert.Throws<MemoryStoreException>(() => SqliteMemoryStore.Load(folder.File("run.sqlite")));

        Assert.Contains(folder.File("run.sqlite"), error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_a_bank_of_another_dimension_into_the_same_database_is_refused()
    {
        var small = new MemoryBank(3);
        small.Stream("Tom").Append(MemoryKind.Observation, "o", T0, 4, X);
        SaveInOneTransaction(small);
        var wide = new MemoryBank(4);
        wide.Stream("Sam").Append(MemoryKind.Observation, "o", T0, 4, [1, 0, 0, 0]);

        var error = Assert.Throws<MemoryStoreException>(() => SaveInOneTransaction(wide));

        Assert.Contains("dimension 3", error.Message, StringComparison.Ordinal);
        Assert.True(wide.HasUnsavedChanges);
    }

    private static string Describe(MemoryRecord m) =>
        $"{m.Id}|{m.Owner}|{m.Kind}|{m.Text}|{m.Spo}|{m.Created.Ticks}|{m.LastAccessed.Ticks}|{m.Importance}|{string.Join(",", m.Embedding.ToArray())}|{string.Join(",", m.Evidence)}|{m.Depth}";

    private int SaveInOneTransaction(MemoryBank bank)
    {
        using SqliteConnection connection = folder.Open();
        SqliteMemoryStore.EnsureSchema(connection);
        using SqliteTransaction transaction = connection.BeginTransaction();
        int written = SqliteMemoryStore.SaveChanges(bank, transaction);
        transaction.Commit();
        return written;
    }
}
