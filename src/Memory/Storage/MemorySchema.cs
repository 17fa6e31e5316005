namespace Agents.Memory.Storage;

/// <summary>The SQL of the memory tables in a run database.</summary>
internal static class MemorySchema
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff";

    public const string DimensionKey = "embedding_dimension";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS memories (
            id            INTEGER PRIMARY KEY,
            owner         TEXT    NOT NULL,
            kind          TEXT    NOT NULL,
            text          TEXT    NOT NULL,
            subject       TEXT,
            predicate     TEXT,
            object        TEXT,
            created       TEXT    NOT NULL,
            last_accessed TEXT    NOT NULL,
            importance    INTEGER NOT NULL,
            depth         INTEGER NOT NULL,
            embedding     BLOB    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS memories_by_owner ON memories (owner, id);
        CREATE TABLE IF NOT EXISTS memory_evidence (
            memory_id   INTEGER NOT NULL,
            position    INTEGER NOT NULL,
            evidence_id INTEGER NOT NULL,
            PRIMARY KEY (memory_id, position)
        );
        CREATE INDEX IF NOT EXISTS memory_evidence_by_evidence ON memory_evidence (evidence_id);
        CREATE TABLE IF NOT EXISTS memory_settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """;

    public const string InsertMemory = """
        INSERT INTO memories (id, owner, kind, text, subject, predicate, object, created, last_accessed, importance, depth, embedding)
        VALUES ($id, $owner, $kind, $text, $subject, $predicate, $object, $created, $last_accessed, $importance, $depth, $embedding)
        """;

    public const string InsertEvidence = "INSERT INTO memory_evidence (memory_id, position, evidence_id) VALUES ($memory_id, $position, $evidence_id)";

    public const string UpdateLastAccessed = "UPDATE memories SET last_accessed = $last_accessed WHERE id = $id";

    public const string SelectMemories = """
        SELECT id, owner, kind, text, subject, predicate, object, created, last_accessed, importance, depth, embedding
        FROM memories ORDER BY id
        """;

    public const string SelectEvidence = "SELECT memory_id, evidence_id FROM memory_evidence ORDER BY memory_id, position";
}
