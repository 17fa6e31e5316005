using System.Text.RegularExpressions;

namespace Agents.Minds;

/// <summary>Patterns the scripted mind strips when it passes news on, so relayed news keeps its source and words.</summary>
public sealed partial class ScriptedMind
{
    private static readonly string[] Openers = ["Did you hear? ", "Have you heard? ", "News: "];
    private static readonly Regex TellPrefix = new(@"^([A-Z][\w'-]*(?: [A-Z][\w'-]*)+) told me at [^:]+(?::[^:]+)?: ", RegexOptions.CultureInvariant);
    private static readonly Regex SaidQuote = new("^([A-Z][\\w'-]*(?: [A-Z][\\w'-]*)+) said: \"([^\"]+)\"", RegexOptions.CultureInvariant);
    private static readonly Regex KeepsInMind = new(@"^([A-Z][\w'-]*(?: [A-Z][\w'-]*)+) keeps in mind that ", RegexOptions.CultureInvariant);
}
