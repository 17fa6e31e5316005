namespace Agents.Collaboration;

/// <summary>
/// Multi-line material (code files, test reports, drafts with code) that a prompt's one-line fields would mangle:
/// placed verbatim as "Attached name:" blocks just before the prompt's closing "Reply:" line.
/// </summary>
internal static class PromptAttachments
{
    /// <summary>Texts longer than this, or with a line break, are attached rather than written into a field.</summary>
    public const int InlineLimit = 160;

    public static bool NeedsAttaching(string value) => value.Contains('\n', StringComparison.Ordinal) || value.Length > InlineLimit;

    public static string Block(string name, string value) => $"Attached {name}:\n{value.TrimEnd('\n')}";

    public static string Insert(string prompt, IReadOnlyList<string>? attachments)
    {
        if (attachments is null || attachments.Count == 0)
        {
            return prompt;
        }

        var reply = prompt.LastIndexOf("\nReply: ", StringComparison.Ordinal);
        var blocks = string.Join('\n', attachments);
        return reply < 0 ? prompt + "\n" + blocks : prompt[..reply] + "\n" + blocks + prompt[reply..];
    }
}
