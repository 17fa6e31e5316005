using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Agents.World.Events;

/// <summary>
/// The run's event log in SQLite (WAL): one row per event, one transaction per step. Other stores (memories) join
/// the step's transaction through <see cref="StepWriters"/>, so a step is committed whole or not at all.
/// Not thread-safe: one writer, the simulation thread.
/// </summary>
public sealed class EventLog : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _step, _time, _entity, _kind, _payload;

    private EventLog(SqliteConnection connection)
    {
        _connection = connection;
        _insert = connection.CreateCommand();
        _insert.CommandText = "INSERT INTO events (step, time, entity, kind, payload) VALUES ($step, $time, $entity, $kind, $payload)";
        _step = _insert.Parameters.Add("$step", SqliteType.Integer);
        _time = _insert.Parameters.Add("$time", SqliteType.Text);
        _entity = _insert.Parameters.Add("$entity", SqliteType.Integer);
        _kind = _insert.Parameters.Add("$kind", SqliteType.Text);
        _payload = _insert.Parameters.Add("$payload", SqliteType.Blob);
    }

    /// <summary>The open connection, for stores that share the run database.</summary>
    public SqliteConnection Connection => _connection;

    /// <summary>Writers that add their rows to each step's transaction, in order, after the events.</summary>
    public List<Action<SqliteConnection, SqliteTransaction, long>> StepWriters { get; } = [];

    /// <summary>Opens (creating if needed) the log at <paramref name="path"/>.</summary>
    public static EventLog Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS entities (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS events (
                seq INTEGER PRIMARY KEY,
                step INTEGER NOT NULL,
                time TEXT NOT NULL,
                entity INTEGER NOT NULL,
                kind TEXT NOT NULL,
                payload BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS events_by_step ON events (step);
            """);
        return new EventLog(connection);
    }

    /// <summary>Opens an existing log read-only (reports, viewers).</summary>
    public static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Reads a meta value, or null.</summary>
    public string? GetMeta(string key) => ReadMeta(_connection, key);

    /// <summary>Writes one meta value in its own transaction.</summary>
    public void SetMeta(string key, string value)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    /// <summary>Reads a meta value from any run database connection, or null.</summary>
    public static string? ReadMeta(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Writes meta values and entity names in one transaction (at run creation).</summary>
    public void WriteHeader(IReadOnlyDictionary<string, string> meta, IEnumerable<(int Id, int Version, string Kind, string Name)> entities)
    {
        using var tx = _connection.BeginTransaction();
        foreach (var (key, value) in meta)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value)";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$value", value);
            command.ExecuteNonQuery();
        }

        foreach (var (id, version, kind, name) in entities)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "INSERT OR REPLACE INTO entities (id, version, kind, name) VALUES ($id, $version, $kind, $name)";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$version", version);
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$name", name);
            command.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>
    /// Commits one step: its events, the rows of every <see cref="StepWriters"/> entry, and the step as the last
    /// committed one, in a single transaction.
    /// </summary>
    public void CommitStep(long step, IReadOnlyList<WorldEvent> events)
    {
        using var tx = _connection.BeginTransaction();
        _insert.Transaction = tx;
        foreach (var e in events)
        {
            _step.Value = e.Step;
            _time.Value = FormatTime(e.Time);
            _entity.Value = e.Entity;
            _kind.Value = e.Kind;
            _payload.Value = e.Payload;
            _insert.ExecuteNonQuery();
        }

        foreach (var writer in StepWriters)
        {
            writer(_connection, tx, step);
        }

        using (var command = _connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ('last_step', $step)";
            command.Parameters.AddWithValue("$step", step.ToString(CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }

        tx.Commit();
        _insert.Transaction = null;
    }

    /// <summary>The last committed step, or -1 when no step was committed.</summary>
    public long LastCommittedStep =>
        GetMeta("last_step") is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : -1;

    /// <summary>Deletes the events after <paramref name="step"/> (used when resuming from an older snapshot).</summary>
    public void TruncateAfter(long step, IEnumerable<string> extraStatements)
    {
        using var tx = _connection.BeginTransaction();
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = "DELETE FROM events WHERE step > $step; INSERT OR REPLACE INTO meta (key, value) VALUES ('last_step', $text)";
            command.Parameters.AddWithValue("$step", step);
            command.Parameters.AddWithValue("$text", step.ToString(CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }

        foreach (var sql in extraStatements)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$step", step);
            command.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>
    /// SHA-256 over every event in log order (step, entity, kind, payload): two runs with the same hash wrote the
    /// same history.
    /// </summary>
    public static string ComputeHash(SqliteConnection connection)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT step, entity, kind, payload FROM events ORDER BY seq";
        using var reader = command.ExecuteReader();
        Span<byte> header = stackalloc byte[12];
        while (reader.Read())
        {
            BitConverter.TryWriteBytes(header, reader.GetInt64(0));
            BitConverter.TryWriteBytes(header[8..], reader.GetInt32(1));
            hash.AppendData(header);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(reader.GetString(2)));
            hash.AppendData((byte[])reader.GetValue(3));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Formats a game time as stored in the log.</summary>
    public static string FormatTime(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
