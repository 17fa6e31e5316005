// Usage: Agents.Memory.DurabilityProbe DATABASE MEMORIES_PER_STEP
// Resumes from what DATABASE holds, then forever: one transaction per step that records the step (as the event log
// would) and appends MEMORIES_PER_STEP observations (and every 5th step a reflection citing two of them), retrieves,
// saves, commits, and only then prints "committed STEP".
using Agents.Memory;
using Agents.Memory.Embeddings;
using Agents.Memory.Storage;
using Microsoft.Data.Sqlite;

string path = args[0];
int perStep = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
string[] agents = ["Isabella", "Klaus", "Maria"];
var start = new DateTime(2023, 2, 13, 7, 0, 0);
var embedder = new HashingEmbedder(64);

using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
connection.Open();
Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE IF NOT EXISTS steps (step INTEGER PRIMARY KEY)");
SqliteMemoryStore.EnsureSchema(connection);
MemoryBank bank = SqliteMemoryStore.Load(connection, embedder.Dimension);
long step = 1 + (long)(Scalar(connection, "SELECT coalesce(max(step), 0) FROM steps"));
Console.WriteLine($"resuming at {step} with {bank.Count} memories");

for (; ; step++)
{
    DateTime now = start.AddSeconds(10 * step);
    using SqliteTransaction transaction = connection.BeginTransaction();
    Execute(connection, $"INSERT INTO steps (step) VALUES ({step})", transaction);
    var made = new List<MemoryRecord>();
    for (int j = 0; j < perStep; j++)
    {
        string text = $"step {step} memory {j}: {agents[j % 3]} sees the stove brewing coffee";
        made.Add(bank.Stream(agents[j % 3]).Append(MemoryKind.Observation, text, now, 1 + (int)((step + j) % 10), embedder.Embed(text)));
    }

    if (step % 5 == 0)
    {
        string text = $"step {step} reflection: Isabella loves coffee";
        bank.Stream("Isabella").Append(MemoryKind.Reflection, text, now, 7, embedder.Embed(text), evidence: [made[0].Id, made[3].Id]);
    }

    bank.Stream("Klaus").Retrieve(embedder.Embed("coffee"), now, k: 5);
    SqliteMemoryStore.SaveChanges(bank, transaction);
    transaction.Commit();
    Console.WriteLine($"committed {step}");
}

static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
{
    using SqliteCommand command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static long Scalar(SqliteConnection connection, string sql)
{
    using SqliteCommand command = connection.CreateCommand();
    command.CommandText = sql;
    return (long)command.ExecuteScalar()!;
}
