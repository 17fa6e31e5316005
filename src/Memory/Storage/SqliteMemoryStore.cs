using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Agents.Memory.Storage;

/// <summary>
/// Keeps a <see cref="MemoryBank"/> in the run's SQLite database (tables memories, memory_evidence, memory_settings).
/// Writes go into the caller's transaction, so a simulation step's events and memories commit together. Embeddings
/// are stored as little-endian float32 blobs, times as ISO 8601 text. Stateless; thread-safety is that of the
/// connection handed in.
/// </summary>
public static class SqliteMemoryStore
{
    /// <summary>
    /// Creates the memory tables if they do not exist (safe to call on every open). Pass the transaction when one is
    /// open on the connection.
    /// </summary>
    public static void EnsureSchema(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Run(connection, () =>
        {
            using SqliteCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = MemorySchema.Create;
            command.ExecuteNonQuery();
        });
    }

    /// <summary>
    /// Writes what changed in <paramref name="bank"/> since the last save inside <paramref name="transaction"/>: new
    /// memories with their evidence, and new last-access times. The bank forgets those changes once they are written,
    /// so if the transaction is rolled back later, reload the bank with <see cref="Load(SqliteConnection, int?, SqliteTransaction?)"/>.
    /// Returns how many rows of memories were inserted or updated. Needs <see cref="EnsureSchema"/> first.
    /// </summary>
    public static int SaveChanges(MemoryBank bank, SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(transaction);
        SqliteConnection connection = transaction.Connection
            ?? throw new ArgumentException("The transaction is already finished.", nameof(transaction));
        (long[] appended, long[] touched) = bank.PendingChanges();
        if (appended.Length == 0 && touched.Length == 0)
        {
            return 0;
        }

        Run(connection, () =>
        {
            CheckDimension(connection, transaction, bank.Dimension);
            InsertMemories(bank, connection, transaction, appended);
            UpdateLastAccessed(bank, connection, transaction, touched);
        });
        bank.ClearChanges();
        return appended.Length + touched.Length;
    }

    /// <summary>
    /// Reads every agent's memories from a run database into a new bank, checking each row. Throws
    /// <see cref="MemoryStoreException"/> naming the file (and row) when it is not a run database or a row is corrupt.
    /// <paramref name="dimension"/> is used when the database holds no memories yet (default 256); when given and the
    /// database holds another, that is an error. Pass the transaction when one is open on the connection.
    /// </summary>
    public static MemoryBank Load(SqliteConnection connection, int? dimension = null, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Run(connection, () => new MemoryLoader(connection, transaction, FileOf(connection)).Load(dimension));
    }

    /// <summary>Opens the database at <paramref name="databasePath"/> read-only and loads it (see <see cref="Load(SqliteConnection, int?, SqliteTransaction?)"/>).</summary>
    public static MemoryBank Load(string databasePath, int? dimension = null)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        if (!File.Exists(databasePath))
        {
            throw new MemoryStoreException($"No run database at {databasePath}: the file does not exist.");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        Run(connection, connection.Open, databasePath);
        return Load(connection, dimension);
    }

    internal static string FileOf(SqliteConnection connection) =>
        string.IsNullOrEmpty(connection.DataSource) ? "the in-memory database" : connection.DataSource;

    internal static string FormatTime(DateTime time) => time.ToString(MemorySchema.TimeFormat, CultureInfo.InvariantCulture);

    private static void CheckDimension(SqliteConnection connection, SqliteTransaction transaction, int dimension)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO memory_settings (key, value) VALUES ($key, $value); SELECT value FROM memory_settings WHERE key = $key";
        command.Parameters.AddWithValue("$key", MemorySchema.DimensionKey);
        command.Parameters.AddWithValue("$value", dimension.ToString(CultureInfo.InvariantCulture));
        string? stored = command.ExecuteScalar() as string;
        if (stored != dimension.ToString(CultureInfo.InvariantCulture))
        {
            throw new MemoryStoreException($"{FileOf(connection)} holds memories with embeddings of dimension {stored}; this bank's dimension is {dimension}.");
        }
    }

    private static void InsertMemories(MemoryBank bank, SqliteConnection connection, SqliteTransaction transaction, long[] ids)
    {
        if (ids.Length == 0)
        {
            return;
        }

        using SqliteCommand insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = MemorySchema.InsertMemory;
        string[] names = ["$id", "$owner", "$kind", "$text", "$subject", "$predicate", "$object", "$created", "$last_accessed", "$importance", "$depth", "$embedding"];
        foreach (string name in names)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        insert.Prepare();
        using SqliteCommand evidence = connection.CreateCommand();
        evidence.Transaction = transaction;
        evidence.CommandText = MemorySchema.InsertEvidence;
        SqliteParameter memoryId = evidence.Parameters.Add(new SqliteParameter { ParameterName = "$memory_id" });
        SqliteParameter position = evidence.Parameters.Add(new SqliteParameter { ParameterName = "$position" });
        SqliteParameter evidenceId = evidence.Parameters.Add(new SqliteParameter { ParameterName = "$evidence_id" });
        evidence.Prepare();

        SqliteParameterCollection p = insert.Parameters;
        foreach (long id in ids)
        {
            MemoryRecord m = Find(bank, id);
            p[0].Value = m.Id;
            p[1].Value = m.Owner;
            p[2].Value = MemoryKinds.ToName(m.Kind);
            p[3].Value = m.Text;
            p[4].Value = (object?)m.Spo?.Subject ?? DBNull.Value;
            p[5].Value = (object?)m.Spo?.Predicate ?? DBNull.Value;
            p[6].Value = (object?)m.Spo?.Object ?? DBNull.Value;
            p[7].Value = FormatTime(m.Created);
            p[8].Value = FormatTime(m.LastAccessed);
            p[9].Value = m.Importance;
            p[10].Value = m.Depth;
            p[11].Value = MemoryMarshal.AsBytes(m.Embedding.Span).ToArray();
            insert.ExecuteNonQuery();
            for (int i = 0; i < m.Evidence.Count; i++)
            {
                memoryId.Value = m.Id;
                position.Value = i;
                evidenceId.Value = m.Evidence[i];
                evidence.ExecuteNonQuery();
            }
        }
    }

    private static void UpdateLastAccessed(MemoryBank bank, SqliteConnection connection, SqliteTransaction transaction, long[] ids)
    {
        if (ids.Length == 0)
        {
            return;
        }

        using SqliteCommand update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = MemorySchema.UpdateLastAccessed;
        SqliteParameter lastAccessed = update.Parameters.Add(new SqliteParameter { ParameterName = "$last_accessed" });
        SqliteParameter id = update.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        update.Prepare();
        foreach (long memory in ids)
        {
            lastAccessed.Value = FormatTime(Find(bank, memory).LastAccessed);
            id.Value = memory;
            if (update.ExecuteNonQuery() != 1)
            {
                throw new MemoryStoreException($"{FileOf(connection)} has no row for memory #{memory}, whose last access changed: was the bank loaded from another database?");
            }
        }
    }

    private static MemoryRecord Find(MemoryBank bank, long id) =>
        bank.TryFind(id, out MemoryRecord? record) ? record : throw new InvalidOperationException($"Memory #{id} is marked changed but is not in the bank.");

    private static void Run(SqliteConnection connection, Action action, string? file = null) =>
        Run<object?>(connection, () => { action(); return null; }, file);

    private static T Run<T>(SqliteConnection connection, Func<T> action, string? file = null)
    {
        try
        {
            return action();
        }
        catch (SqliteException ex)
        {
            string where = file ?? FileOf(connection);
            string what = ex.SqliteErrorCode == 26
                ? "is not a SQLite database (expected a run database, run.sqlite)"
                : "could not be used as a run's memory store: " + ex.Message;
            throw new MemoryStoreException($"{where} {what}", ex);
        }
    }
}
