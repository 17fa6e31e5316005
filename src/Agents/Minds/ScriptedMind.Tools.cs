using System.Text.RegularExpressions;
using Agents.Decisions;

namespace Agents.Minds;

/// <content>
/// ReAct with a town's tools (<see cref="Tools.TownTools"/>): the teacher asks the one tool the question calls for
/// (WhereIs for "where is NAME", WhoIsAt for "who is at PLACE", Now for the time, Search for anything else about a
/// named person or place) and finishes with what it observed.
/// </content>
public sealed partial class ScriptedMind
{
    private static string ReActStep(PromptReader p)
    {
        var step = p.Field("Step") ?? "1";
        var question = p.Field("Question") ?? string.Empty;
        var tools = p.List("Tools").Select(t => t.Split('[')[0]).ToHashSet(StringComparer.Ordinal);
        var observations = p.List("Trace").Where(t => t.StartsWith("Observation", StringComparison.Ordinal)).Select(t => t[(t.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).ToList();
        if (observations.Count > 0 || p.Field("Must finish") == "yes")
        {
            var seen = observations.LastOrDefault(o => !o.StartsWith("Invalid", StringComparison.Ordinal) && !o.StartsWith("Could not", StringComparison.Ordinal));
            return $"Thought {step}: {(seen is null ? "I could not find out." : "That answers it.")}\nAction {step}: Finish[{(seen ?? "I don't know.").Replace(']', ')')}]";
        }

        var place = WhoIsAtQuestion().Match(question);
        var name = NameInQuestion().Match(question);
        var (thought, action) =
            place.Success && tools.Contains("WhoIsAt") ? ("I look who is there now.", $"WhoIsAt[{place.Groups[1].Value.Trim()}]")
            : question.Contains("where", StringComparison.OrdinalIgnoreCase) && name.Success && tools.Contains("WhereIs") ? ("I look where they are now.", $"WhereIs[{name.Value}]")
            : question.Contains("time", StringComparison.OrdinalIgnoreCase) && tools.Contains("Now") ? ("I look at the clock.", "Now[]")
            : name.Success && tools.Contains("Search") ? ("I recall what I know of them.", $"Search[{name.Value}]")
            : ("No tool helps here.", "Finish[I don't know.]");
        return $"Thought {step}: {thought}\nAction {step}: {action}";
    }

    [GeneratedRegex(@"(?i)\bwho(?:'s| is| are)? (?:at|in) (?:the )?([^?]+)")]
    private static partial Regex WhoIsAtQuestion();

    [GeneratedRegex(@"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+")]
    private static partial Regex NameInQuestion();
}
