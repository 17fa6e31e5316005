namespace Agents.Testing;

/// <summary>A fresh folder under the system temp folder, deleted on dispose. Compiled into each test project.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agents-tests", Guid.NewGuid().ToString("N"));

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed process or a failed test may still hold a file for a moment; the OS cleans temp folders.
        }
    }
}
