using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Agents.Memory.Storage;

/// <summary>Reads the memory tables of one run database into a bank, checking every row against the bank's rules.</summary>
internal sealed class MemoryLoader(SqliteConnection connection, SqliteTransaction? transaction, string file)
{
    public MemoryBank Load(int? requestedDimension)
    {
        if (!TableExists("memories") || !TableExists("memory_evidence"))
        {
            throw new MemoryStoreException($"{file} has no memories table: expected a run database (run.sqlite) written by a simulation.");
        }

        Dictionary<long, List<long>> evidence = ReadEvidence();
        int dimension = StoredDimension() ?? requestedDimension ?? FirstRowDimension() ?? MemoryBank.DefaultDimension;
        if (requestedDimension is int requested && requested != dimension)
        {
            throw new MemoryStoreException($"{file} holds embeddings of dimension {dimension}; dimension {requested} was asked for.");
        }

        var bank = new MemoryBank(dimension);
        using SqliteCommand command = Command();
        command.CommandText = MemorySchema.SelectMemories;
        using SqliteDataReader reader = ExecuteReader(command, "memories");
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            MemoryRecord record = ReadRow(reader, id, dimension, evidence.TryGetValue(id, out List<long>? cited) ? cited : []);
            CheckEvidence(bank, record);
            bank.Restore(record);
            evidence.Remove(id);
        }

        foreach (long orphan in evidence.Keys)
        {
            throw new MemoryStoreException($"{file}: memory_evidence has rows for memory #{orphan}, which is not in the memories table.");
        }

        return bank;
    }

    private MemoryRecord ReadRow(SqliteDataReader reader, long id, int dimension, List<long> evidence)
    {
        string Where(string column) => $"{file}, memories row id {id}, column {column}";
        string owner = reader.IsDBNull(1) ? "" : reader.GetString(1);
        if (string.IsNullOrWhiteSpace(owner))
        {
            throw new MemoryStoreException($"{Where("owner")}: expected an agent name, found an empty value.");
        }

        string kindName = reader.IsDBNull(2) ? "NULL" : reader.GetString(2);
        if (!MemoryKinds.TryParse(kindName, out MemoryKind kind))
        {
            throw new MemoryStoreException($"{Where("kind")}: expected observation, reflection, plan or chat, found '{kindName}'.");
        }

        string text = reader.IsDBNull(3) ? throw new MemoryStoreException($"{Where("text")}: expected text, found NULL.") : reader.GetString(3);
        Triple? spo = ReadTriple(reader, Where);
        DateTime created = ReadTime(reader, 7, Where("created"));
        DateTime lastAccessed = ReadTime(reader, 8, Where("last_accessed"));
        long importance = reader.IsDBNull(9) ? 0 : reader.GetInt64(9);
        if (importance is < 1 or > 10)
        {
            throw new MemoryStoreException($"{Where("importance")}: expected an integer from 1 to 10, found {reader.GetValue(9)}.");
        }

        long depth = reader.IsDBNull(10) ? -1 : reader.GetInt64(10);
        byte[] blob = reader.IsDBNull(11) ? [] : (byte[])reader.GetValue(11);
        if (blob.Length != dimension * sizeof(float))
        {
            throw new MemoryStoreException($"{Where("embedding")}: expected {dimension} float32 values ({dimension * sizeof(float)} bytes), found {blob.Length} bytes.");
        }

        float[] embedding = MemoryMarshal.Cast<byte, float>(blob).ToArray();
        return new MemoryRecord(id, owner, kind, text, spo, created, lastAccessed, (int)importance, embedding, evidence.AsReadOnly(), (int)depth);
    }

    private static Triple? ReadTriple(SqliteDataReader reader, Func<string, string> where)
    {
        int present = (reader.IsDBNull(4) ? 0 : 1) + (reader.IsDBNull(5) ? 0 : 1) + (reader.IsDBNull(6) ? 0 : 1);
        return present switch
        {
            0 => null,
            3 => new Triple(reader.GetString(4), reader.GetString(5), reader.GetString(6)),
            _ => throw new MemoryStoreException($"{where("subject/predicate/object")}: expected all three or none, found {present} of 3."),
        };
    }

    private static DateTime ReadTime(SqliteDataReader reader, int column, string where)
    {
        string? value = reader.IsDBNull(column) ? null : reader.GetValue(column) as string;
        if (value is null || !DateTime.TryParseExact(value, MemorySchema.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime time))
        {
            throw new MemoryStoreException($"{where}: expected a time like 2023-02-13T07:00:00.0000000, found '{value ?? "NULL"}'.");
        }

        return time;
    }

    private void CheckEvidence(MemoryBank bank, MemoryRecord record)
    {
        string where = $"{file}, memory #{record.Id} of {record.Owner}";
        if (record.Kind == MemoryKind.Observation && record.Evidence.Count > 0)
        {
            throw new MemoryStoreException($"{where}: an observation cannot cite evidence, found {record.Evidence.Count} evidence rows.");
        }

        int deepest = record.Evidence.Count == 0 && record.Kind != MemoryKind.Reflection ? -1 : 0;
        foreach (long id in record.Evidence)
        {
            if (!bank.TryFind(id, out MemoryRecord? source) || source.Owner != record.Owner)
            {
                throw new MemoryStoreException($"{where}: cites memory #{id}, which is not an earlier memory of {record.Owner}.");
            }

            if (source.Created > record.Created)
            {
                throw new MemoryStoreException($"{where}: cites memory #{id}, created later ({SqliteMemoryStore.FormatTime(source.Created)} > {SqliteMemoryStore.FormatTime(record.Created)}).");
            }

            deepest = Math.Max(deepest, source.Depth);
        }

        int expected = record.Evidence.Count == 0 ? (record.Kind == MemoryKind.Reflection ? 1 : 0) : deepest + 1;
        if (record.Depth != expected)
        {
            throw new MemoryStoreException($"{where}: column depth should be {expected} from its evidence, found {record.Depth}.");
        }
    }

    private Dictionary<long, List<long>> ReadEvidence()
    {
        var evidence = new Dictionary<long, List<long>>();
        using SqliteCommand command = Command();
        command.CommandText = MemorySchema.SelectEvidence;
        using SqliteDataReader reader = ExecuteReader(command, "memory_evidence");
        while (reader.Read())
        {
            long memory = reader.GetInt64(0);
            if (!evidence.TryGetValue(memory, out List<long>? cited))
            {
                cited = [];
                evidence.Add(memory, cited);
            }

            long evidenceId = reader.GetInt64(1);
            if (cited.Contains(evidenceId))
            {
                throw new MemoryStoreException($"{file}, memory_evidence of memory #{memory}: cites #{evidenceId} twice.");
            }

            cited.Add(evidenceId);
        }

        return evidence;
    }

    private int? StoredDimension()
    {
        if (!TableExists("memory_settings"))
        {
            return null;
        }

        using SqliteCommand command = Command();
        command.CommandText = "SELECT value FROM memory_settings WHERE key = $key";
        command.Parameters.AddWithValue("$key", MemorySchema.DimensionKey);
        object? value = command.ExecuteScalar();
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value as string, NumberStyles.None, CultureInfo.InvariantCulture, out int dimension) && dimension > 0
            ? dimension
            : throw new MemoryStoreException($"{file}, memory_settings key {MemorySchema.DimensionKey}: expected a positive integer, found '{value}'.");
    }

    private int? FirstRowDimension()
    {
        using SqliteCommand command = Command();
        command.CommandText = "SELECT length(embedding) FROM memories ORDER BY id LIMIT 1";
        return command.ExecuteScalar() is long bytes ? (int)(bytes / sizeof(float)) : null;
    }

    private bool TableExists(string name)
    {
        using SqliteCommand command = Command();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)command.ExecuteScalar()! > 0;
    }

    private SqliteCommand Command()
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    private SqliteDataReader ExecuteReader(SqliteCommand command, string table)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            throw new MemoryStoreException($"{file}: table {table} does not have the columns of a run database ({ex.Message}).", ex);
        }
    }
}
