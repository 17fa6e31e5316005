namespace Agents.Cli;

/// <summary>
/// Which exceptions are the user's to fix (bad files, arguments, folders): they print as one message and exit 2.
/// World, Memory and Runtime do not reference each other, so they share no base type; each project's user-facing
/// exception types are listed here.
/// </summary>
public static class UserErrors
{
    /// <summary>True when <paramref name="ex"/> reports bad input rather than a bug.</summary>
    public static bool IsUserError(Exception ex) => ex is
        FileNotFoundException or
        DirectoryNotFoundException or
        CliUsageException or
        World.Runs.RunException or
        World.Scenarios.ScenarioException or
        World.Map.MapException or
        Memory.MemoryException or
        Viewer.Window.WindowException or
        global::Agents.Minds.MindException or
        global::Agents.Arena.ArenaFileException or
        global::Agents.Collaboration.ChatDev.ChatChainFileException or
        global::Agents.Collaboration.AgentVerse.AgentVerseFileException or
        global::Agents.Collaboration.TranscriptFormatException or
        Runtime.Inference.EngineBusyException or
        Runtime.Inference.ConstraintException or
        Runtime.Training.DatasetFormatException or
        Runtime.Model.ModelFormatException or
        Runtime.Tokenization.TokenizerFormatException or
        Runtime.RuntimeOptionException or
        Runtime.Native.TorchUnavailableException or
        Runtime.Native.NativeLibraryPatchException;
}

/// <summary>A command-line argument that parsed but makes no sense (an output folder that exists, a bad time).</summary>
public sealed class CliUsageException(string message) : Exception(message);
