using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Agents.Decisions;

/// <summary>Reflection's second step: up to five insights answering a focal question, each citing its evidence.</summary>
/// <param name="Agent">Who reflects.</param>
/// <param name="Question">The focal question.</param>
/// <param name="Memories">The memories retrieved for it, numbered from 1 in the prompt.</param>
public sealed record InsightsDecision(string Agent, string Question, IReadOnlyList<string> Memories) : Decision<IReadOnlyList<Insight>>
{
    /// <summary>The type name.</summary>
    public const string Name = "insights";

    private static readonly Regex Line = new(@"^(?:\d\.\s*)?(.+?)\s*\(because of ([\d, ]+)\)\.?$", RegexOptions.CultureInvariant);

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"[^\n]{1,160} \(because of \d+(, \d+)*\)(\n[^\n]{1,160} \(because of \d+(, \d+)*\)){0,4}";

    /// <inheritdoc />
    public override int MaxReplyTokens => 240;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ReplyEnds.BlankLine;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "What high-level insights (up to 5) about the question can you infer from these memories? Cite the memories behind each.")
            .Field("Agent", Agent)
            .Field("Question", PromptBuilder.Cut(PromptBuilder.OneLine(Question, 400), 200))
            .List("Memories", Memories, 850, numbered: true)
            .Reply("one insight per line, ending (because of 1, 3).");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out IReadOnlyList<Insight> value)
    {
        var insights = new List<Insight>();
        foreach (var line in ReplyText.Lines(reply))
        {
            var match = Line.Match(line);
            if (!match.Success)
            {
                value = null;
                return false;
            }

            var evidence = new List<int>();
            foreach (var part in match.Groups[2].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > Memories.Count)
                {
                    value = null;
                    return false;
                }

                evidence.Add(n);
            }

            var text = match.Groups[1].Value.Trim();
            if (text.Length > 160 || evidence.Count == 0)
            {
                value = null;
                return false;
            }

            insights.Add(new Insight(text, evidence));
        }

        value = insights;
        return insights.Count is >= 1 and <= 5;
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<Insight> value) =>
        string.Join('\n', value.Select(i => $"{i.Text} (because of {string.Join(", ", i.Evidence)})"));

    /// <inheritdoc />
    public override IReadOnlyList<Insight> Fallback() => [];
}
