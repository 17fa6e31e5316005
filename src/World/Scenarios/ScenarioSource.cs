namespace Agents.World.Scenarios;

/// <summary>The text of the scenario being read, its path as the user named it and the folder relative files resolve against.</summary>
internal sealed class ScenarioSource(string path, string text)
{
    private string[]? lines;

    /// <summary>The scenario's path as the user named it.</summary>
    public string Path { get; } = path;

    /// <summary>The scenario's text.</summary>
    public string Text { get; } = text;

    /// <summary>The folder that relative map paths resolve against.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder ? folder : ".";

    /// <summary>The lines of the text (without line ends).</summary>
    public IReadOnlyList<string> Lines => lines ??= Text.ReplaceLineEndings("\n").Split('\n');

    /// <summary>A path named in the scenario, resolved against the scenario's folder.</summary>
    public string Resolve(string relative) =>
        System.IO.Path.IsPathRooted(relative) ? relative : System.IO.Path.Combine(Folder, relative);
}
