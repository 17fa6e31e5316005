namespace Agents.World.Runs;

/// <summary>
/// The layout of a run folder: <c>run.sqlite</c> (events, memories), <c>snapshots/</c>, <c>scenario/</c> (a copy of
/// the scenario and the files it references), <c>report.md</c>.
/// </summary>
public sealed class RunFolder
{
    /// <summary>Name of the run database.</summary>
    public const string DatabaseName = "run.sqlite";

    /// <summary>Points at a folder (which may not exist yet).</summary>
    public RunFolder(string path) => Path = System.IO.Path.GetFullPath(path);

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The run database.</summary>
    public string Database => System.IO.Path.Combine(Path, DatabaseName);

    /// <summary>The snapshots folder.</summary>
    public string Snapshots => System.IO.Path.Combine(Path, "snapshots");

    /// <summary>The folder holding the copy of the scenario.</summary>
    public string ScenarioFolder => System.IO.Path.Combine(Path, "scenario");

    /// <summary>The report written at the end of a run.</summary>
    public string Report => System.IO.Path.Combine(Path, "report.md");

    /// <summary>True when the folder holds a run database.</summary>
    public bool IsRun => File.Exists(Database);

    /// <summary>Opens an existing run folder, or explains why it is not one.</summary>
    public static RunFolder OpenExisting(string path)
    {
        var folder = new RunFolder(path);
        if (!Directory.Exists(folder.Path))
        {
            throw new RunException($"{path}: no such folder.");
        }

        if (!folder.IsRun)
        {
            throw new RunException($"{path}: not a run folder (it has no {DatabaseName}). Run folders are made by 'agents run'.");
        }

        return folder;
    }

    /// <summary>
    /// Makes the folder ready for a new run: it must not exist, or be empty, or (with <paramref name="force"/>) be an
    /// earlier run folder, which is deleted. Any other folder is left alone.
    /// </summary>
    public void PrepareNew(bool force)
    {
        if (File.Exists(Path))
        {
            throw new RunException($"{Path}: a file is in the way of the run folder.");
        }

        if (Directory.Exists(Path) && Directory.EnumerateFileSystemEntries(Path).Any())
        {
            if (!force)
            {
                throw new RunException($"{Path}: the folder exists and is not empty. Choose another --out, or pass --force to replace an earlier run.");
            }

            if (!IsRun)
            {
                throw new RunException($"{Path}: the folder is not a run folder (no {DatabaseName}); --force only replaces earlier runs. Choose another --out.");
            }

            Directory.Delete(Path, recursive: true);
        }

        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(Snapshots);
    }
}
