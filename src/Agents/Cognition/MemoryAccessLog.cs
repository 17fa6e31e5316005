using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Agents.Cognition;

/// <summary>
/// Remembers the last-access time a retrieval overwrote, per step, in the run database, so a resumed run can put
/// back the times its re-run steps will set again (recency depends on them). Old rows are pruned.
/// </summary>
internal sealed class MemoryAccessLog
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff";
    private readonly List<(long Step, long Id, DateTime Previous)> _pending = [];

    public static void EnsureSchema(SqliteConnection connection, SqliteTransaction tx)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS cognition_access (seq INTEGER PRIMARY KEY, step INTEGER NOT NULL, memory_id INTEGER NOT NULL, previous TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS cognition_access_by_step ON cognition_access (step);
            """;
        command.ExecuteNonQuery();
    }

    public void Note(long step, long id, DateTime previous) => _pending.Add((step, id, previous));

    public void Write(SqliteConnection connection, SqliteTransaction tx, long step, int keepSteps)
    {
        if (_pending.Count > 0)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "INSERT INTO cognition_access (step, memory_id, previous) VALUES ($step, $id, $previous)";
            var s = command.Parameters.Add("$step", SqliteType.Integer);
            var id = command.Parameters.Add("$id", SqliteType.Integer);
            var previous = command.Parameters.Add("$previous", SqliteType.Text);
            foreach (var row in _pending)
            {
                s.Value = row.Step;
                id.Value = row.Id;
                previous.Value = row.Previous.ToString(TimeFormat, CultureInfo.InvariantCulture);
                command.ExecuteNonQuery();
            }

            _pending.Clear();
        }

        if (step % Math.Max(1, keepSteps) == 0)
        {
            using var prune = connection.CreateCommand();
            prune.Transaction = tx;
            prune.CommandText = "DELETE FROM cognition_access WHERE step < $before";
            prune.Parameters.AddWithValue("$before", step - (2L * keepSteps));
            prune.ExecuteNonQuery();
        }
    }

    /// <summary>Undoes, newest first, the accesses of steps at or after <paramref name="step"/>, and deletes what those steps created.</summary>
    public static void Rewind(SqliteConnection connection, SqliteTransaction tx, long step, DateTime stepTime)
    {
        var undo = new List<(long Id, string Previous)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT memory_id, previous FROM cognition_access WHERE step >= $step ORDER BY seq DESC";
            read.Parameters.AddWithValue("$step", step);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                undo.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        foreach (var (id, previous) in undo)
        {
            using var update = connection.CreateCommand();
            update.Transaction = tx;
            update.CommandText = "UPDATE memories SET last_accessed = $previous WHERE id = $id";
            update.Parameters.AddWithValue("$previous", previous);
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
        }

        using var delete = connection.CreateCommand();
        delete.Transaction = tx;
        delete.CommandText = """
            DELETE FROM cognition_access WHERE step >= $step;
            DELETE FROM memory_evidence WHERE memory_id IN (SELECT id FROM memories WHERE created >= $time);
            DELETE FROM memories WHERE created >= $time;
            DELETE FROM cognition_usage WHERE step >= $step;
            """;
        delete.Parameters.AddWithValue("$step", step);
        delete.Parameters.AddWithValue("$time", stepTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
        delete.ExecuteNonQuery();
    }
}
