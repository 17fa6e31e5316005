using Agents.Collaboration.Programs;
using Agents.Minds;

namespace Agents.Collaboration.ChatDev;

/// <summary>
/// A ChatDev-style chat chain: phases in order, each a conversation between an instructor and an assistant role; a
/// phase's conclusion becomes an artifact that later prompts read through {placeholders}; composed phases cycle up
/// to their count and stop early on their condition. Artifacts include files: the code blocks that a code-writing
/// phase's assistant writes replace the files of the same name, and later prompts see them as {codes}. A phase that
/// runs tests has the tester run the files first and put its report in {test_reports}; when every test passes, the
/// phase is skipped and its composed cycle ends (ChatDev's test loop stops when no bug remains). A completion phase
/// first lists the functions that still hold placeholders in {unimplemented}, and is skipped, ending its cycle, when
/// none does (ChatDev's code-completion loop). A documenting phase (ChatDev's environment and manual phases) writes
/// one document, kept apart from the code files and readable by later prompts under the file's stem; {builtins} lists
/// the Mini built-ins the files call, for the environment phase. Immutable; runs are independent.
/// </summary>
public sealed class ChatChain
{
    /// <summary>The artifact that holds the files, rendered as named code blocks.</summary>
    public const string CodesArtifact = "codes";

    /// <summary>The artifact that holds the tester's latest report.</summary>
    public const string TestReportsArtifact = "test_reports";

    /// <summary>The artifact that lists the unfinished functions before a completion phase.</summary>
    public const string UnimplementedArtifact = "unimplemented";

    /// <summary>The artifact that lists the Mini built-ins the files call ("len, max", or "none"), for an environment phase.</summary>
    public const string BuiltinsArtifact = "builtins";

    /// <summary>Creates a chain of <paramref name="steps"/> with <paramref name="roles"/>' system prompts by role name.</summary>
    public ChatChain(IReadOnlyDictionary<string, string> roles, IReadOnlyList<ChainStep> steps)
    {
        Roles = roles ?? throw new ArgumentNullException(nameof(roles));
        Steps = steps ?? throw new ArgumentNullException(nameof(steps));
    }

    /// <summary>The roles' system prompts, by role name.</summary>
    public IReadOnlyDictionary<string, string> Roles { get; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<ChainStep> Steps { get; }

    /// <summary>Runs the chain on <paramref name="task"/> (the {task} artifact) with <paramref name="mind"/> playing every role and no tester.</summary>
    public Task<ChatChainResult> RunAsync(string task, IMind mind, MindTally? tally, CancellationToken cancellationToken) =>
        RunAsync(task, mind, tally, null, cancellationToken);

    /// <summary>
    /// Runs the chain on <paramref name="task"/> with <paramref name="mind"/> playing every role and <paramref name="tester"/>
    /// (when given) testing the files in test phases and once more at the end.
    /// </summary>
    public async Task<ChatChainResult> RunAsync(string task, IMind mind, MindTally? tally, ISoftwareTester? tester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(mind);
        tally ??= new MindTally();
        var artifacts = new Dictionary<string, string>(StringComparer.Ordinal) { ["task"] = task, [CodesArtifact] = "(no code yet)", [BuiltinsArtifact] = "none" };
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new List<PhaseResult>();
        foreach (var step in Steps)
        {
            if (step.Phase is { } single)
            {
                await RunPhaseAsync(single).ConfigureAwait(false);
                continue;
            }

            var stop = false;
            for (var cycle = 0; cycle < step.Repeat && !stop; cycle++)
            {
                foreach (var phase in step.Phases)
                {
                    var result = await RunPhaseAsync(phase).ConfigureAwait(false);
                    if (result.Skipped is not null
                        || (step.StopWhen is { } marker && result.Conclusion is { } conclusion && conclusion.Contains(marker, StringComparison.OrdinalIgnoreCase)))
                    {
                        stop = true;
                        break;
                    }
                }
            }
        }

        var final = tester?.Test(files);
        return new ChatChainResult(artifacts, results, files, final) { Documents = documents };

        async Task<PhaseResult> RunPhaseAsync(PhaseSpec phase)
        {
            SoftwareTestReport? report = null;
            if (phase.CompletesCode)
            {
                var unfinished = ProgramScorer.Unfinished(files);
                artifacts[UnimplementedArtifact] = string.Join("; ", unfinished);
                if (files.Count > 0 && unfinished.Count == 0)
                {
                    return Skip(phase, "no placeholder is left", null);
                }
            }

            if (phase.RunsTests)
            {
                report = tester?.Test(files);
                artifacts[TestReportsArtifact] = report?.Text ?? "No tester is configured; no test ran.";
                if (report is { AllPassed: true })
                {
                    return Skip(phase, "every test passed", report);
                }
            }

            var result = await ChatPhase.RunAsync(phase, Roles, artifacts, mind, tally, cancellationToken).ConfigureAwait(false);
            IReadOnlyDictionary<string, string>? written = null;
            if (phase.WritesCode)
            {
                var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var turn in result.Transcript.Turns.Where(t => t.Speaker == phase.Assistant && t.Index > 0))
                {
                    foreach (var (name, content) in CodeBlocks.Extract(turn.Text))
                    {
                        blocks[name] = content;
                    }
                }

                foreach (var (name, content) in blocks)
                {
                    files[name] = content;
                }

                written = blocks;
                if (files.Count > 0)
                {
                    artifacts[CodesArtifact] = CodeBlocks.Render(files);
                    artifacts[BuiltinsArtifact] = MiniLanguage.BuiltinsUsed(files) is { Count: > 0 } used ? string.Join(", ", used) : "none";
                }
            }

            KeyValuePair<string, string>? document = null;
            if (phase.WritesFile is { } documentName && Document(phase, documentName, result) is { } text)
            {
                documents[documentName] = text;
                artifacts[DocumentArtifact(documentName)] = text;
                document = new(documentName, text);
            }

            result = result with { Tests = report, Files = written, Document = document };
            results.Add(result);
            if (phase.Output is { } output && result.Conclusion is { } conclusion)
            {
                artifacts[output] = conclusion;
            }

            return result;
        }

        PhaseResult Skip(PhaseSpec phase, string reason, SoftwareTestReport? report)
        {
            var skipped = new Conversation(reason, [new ConversationRole(phase.Instructor)], TerminationRules.TurnLimit(int.MaxValue));
            skipped.Stop(reason);
            var result = new PhaseResult(phase.Name, null, false, skipped, report, Skipped: reason);
            results.Add(result);
            return result;
        }
    }

    /// <summary>The artifact a document is readable under: its file name without the extension, e.g. "manual" for manual.md.</summary>
    public static string DocumentArtifact(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetFileNameWithoutExtension(fileName).Replace('-', '_').Replace('.', '_');
    }

    // The assistant's latest block named `name` (or unnamed), else its last reply without the conclusion line; null when empty.
    private static string? Document(PhaseSpec phase, string name, PhaseResult result)
    {
        var replies = result.Transcript.Turns.Where(t => t.Speaker == phase.Assistant && t.Index > 0).Select(t => t.Text).ToList();
        foreach (var reply in Enumerable.Reverse(replies))
        {
            if (CodeBlocks.Extract(reply, name).TryGetValue(name, out var block))
            {
                return block;
            }
        }

        var last = replies.LastOrDefault()?.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd().Split('\n').ToList() ?? [];
        if (last.Count > 0 && TerminationRules.ConclusionOf(last[^1]) is not null)
        {
            last.RemoveAt(last.Count - 1);
        }

        var text = string.Join('\n', last).Trim();
        return text.Length == 0 ? null : text + "\n";
    }
}
