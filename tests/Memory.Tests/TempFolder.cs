using Microsoft.Data.Sqlite;

namespace Agents.Memory.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agents-memory-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>An open connection to a file in this folder (no pooling, so the file is released on dispose).</summary>
    public SqliteConnection Open(string name = "run.sqlite")
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = File(name), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still hold a handle for a moment; the temp folder is the system's to clean then.
        }
    }
}
