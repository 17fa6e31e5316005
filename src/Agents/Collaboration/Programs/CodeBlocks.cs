using System.Text.RegularExpressions;

namespace Agents.Collaboration.Programs;

/// <summary>
/// Finds the files in a reply, as ChatDev writes them: a fenced code block, named by the line just before it
/// ("main.mini", "**main.mini**", "FILENAME: main.mini") or by a first comment line "# main.mini"; an unnamed block is
/// the default file. Rendering writes files back in that form. Stateless and thread-safe.
/// </summary>
public static partial class CodeBlocks
{
    /// <summary>The files of <paramref name="reply"/> by name (a later block of the same name wins); empty when it holds no block.</summary>
    public static IReadOnlyDictionary<string, string> Extract(string reply, string defaultFile = MiniLanguage.DefaultFile)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = reply.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            var body = lines[start..Math.Min(end, lines.Length)];
            var name = NameBefore(lines, i) ?? NameInside(body) ?? defaultFile;
            files[name] = string.Join('\n', body).Trim('\n') + "\n";
            i = end;
        }

        return files;
    }

    /// <summary>The program of a reply: its code blocks joined, or, without blocks, the text after "Answer:" or the whole reply.</summary>
    public static string ProgramText(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var files = Extract(reply);
        if (files.Count > 0)
        {
            return string.Join('\n', files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value));
        }

        var answers = AnswerLine().Matches(reply);
        return answers.Count > 0 ? answers[^1].Groups[1].Value.Trim() : reply.Trim();
    }

    /// <summary>Writes <paramref name="files"/> as named fenced blocks, the form <see cref="Extract"/> reads.</summary>
    public static string Render(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return string.Join('\n', files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}\n```{MiniLanguage.FenceTag}\n{f.Value.TrimEnd('\n')}\n```"));
    }

    private static string? NameBefore(string[] lines, int fence)
    {
        for (var j = fence - 1; j >= 0; j--)
        {
            var line = lines[j].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var match = FileName().Match(line);
            return match.Success ? match.Groups[1].Value : null;
        }

        return null;
    }

    private static string? NameInside(string[] body)
    {
        var first = body.FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        var match = first is null ? Match.Empty : CommentName().Match(first);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^(?:FILENAME:\s*)?[*`_]*([A-Za-z0-9_\-./]+\.[A-Za-z0-9]+)[*`_]*:?$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^#\s*([A-Za-z0-9_\-./]+\.mini)$")]
    private static partial Regex CommentName();

    [GeneratedRegex(@"(?im)^\W*answer:\s*(.+)$")]
    private static partial Regex AnswerLine();
}
