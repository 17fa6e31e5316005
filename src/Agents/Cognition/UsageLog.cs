using Microsoft.Data.Sqlite;

namespace Agents.Cognition;

/// <summary>Per step and agent: decisions asked, fallbacks, model calls and tokens (table cognition_usage), for metrics.</summary>
internal sealed class UsageLog
{
    private readonly Dictionary<string, long[]> _pending = new(StringComparer.Ordinal);

    public static void EnsureSchema(SqliteConnection connection, SqliteTransaction tx)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS cognition_usage (
                step INTEGER NOT NULL, agent TEXT NOT NULL, decision TEXT NOT NULL, decisions INTEGER NOT NULL, fallbacks INTEGER NOT NULL,
                calls INTEGER NOT NULL, prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    public void Add(string agent, string decision, bool fellBack, int calls, long promptTokens, long completionTokens)
    {
        var key = agent + "\n" + decision;
        if (!_pending.TryGetValue(key, out var row))
        {
            row = new long[5];
            _pending.Add(key, row);
        }

        row[0]++;
        row[1] += fellBack ? 1 : 0;
        row[2] += calls;
        row[3] += promptTokens;
        row[4] += completionTokens;
    }

    public void Write(SqliteConnection connection, SqliteTransaction tx, long step)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO cognition_usage VALUES ($step, $agent, $decision, $n, $fallbacks, $calls, $prompt, $completion)";
        foreach (var (key, row) in _pending.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var parts = key.Split('\n');
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$step", step);
            command.Parameters.AddWithValue("$agent", parts[0]);
            command.Parameters.AddWithValue("$decision", parts[1]);
            command.Parameters.AddWithValue("$n", row[0]);
            command.Parameters.AddWithValue("$fallbacks", row[1]);
            command.Parameters.AddWithValue("$calls", row[2]);
            command.Parameters.AddWithValue("$prompt", row[3]);
            command.Parameters.AddWithValue("$completion", row[4]);
            command.ExecuteNonQuery();
        }

        _pending.Clear();
    }
}
