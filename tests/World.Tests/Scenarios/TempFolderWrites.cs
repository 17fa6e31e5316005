namespace Agents.World.Tests.Scenarios;

/// <summary>Writes real files into a <see cref="TempFolder"/>.</summary>
internal static class TempFolderWrites
{
    /// <summary>Writes a file under the folder (creating subfolders) and returns its full path.</summary>
    public static string Write(this TempFolder folder, string relative, string text)
    {
        var path = folder[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
