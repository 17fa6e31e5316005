using System.Globalization;
using Agents.Decisions;

namespace Agents.Arena;

/// <summary>
/// Writes worked examples ("question => Answer: X") into a prompt as numbered fields, "Example n: question" and
/// "Example n answer: X", so that a long question (a word problem) never loses its answer to a list item's length limit.
/// </summary>
internal static class WorkedExamples
{
    public const string Separator = " => Answer: ";

    public static PromptBuilder Write(PromptBuilder builder, IReadOnlyList<string> examples)
    {
        for (var i = 0; i < examples.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            var at = examples[i].LastIndexOf(Separator, StringComparison.Ordinal);
            builder.Field($"Example {n}", at < 0 ? examples[i] : examples[i][..at]);
            if (at >= 0)
            {
                builder.Field($"Example {n} answer", examples[i][(at + Separator.Length)..]);
            }
        }

        return builder;
    }
}
