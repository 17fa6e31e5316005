using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Agents.Collaboration;

/// <summary>Finds and normalises the final answer of a reply (its last "Answer: X" line). Stateless and thread-safe.</summary>
public static class FinalAnswer
{
    /// <summary>The text after the last "Answer:" label of <paramref name="reply"/>, normalised; false when there is none.</summary>
    public static bool TryExtract(string? reply, [MaybeNullWhen(false)] out string answer)
    {
        answer = null;
        if (reply is null)
        {
            return false;
        }

        foreach (var raw in reply.Split('\n'))
        {
            var line = raw.Trim().TrimStart('*', '#', ' ');
            var at = line.IndexOf("answer:", StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at == 0 || line[..at].Trim().Equals("final", StringComparison.OrdinalIgnoreCase)))
            {
                var value = Normalize(line[(at + "answer:".Length)..]);
                if (value.Length > 0)
                {
                    answer = value;
                }
            }
        }

        return answer is not null;
    }

    /// <summary>
    /// A canonical form for comparing answers: trimmed, without a final period or surrounding asterisks, and numbers
    /// without thousands separators or trailing zeros ("1,200.50" becomes "1200.5"); other text lower-cased.
    /// </summary>
    public static string Normalize(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = answer.Trim().Trim('*', '`', ' ').TrimEnd('.').Trim('*', '`', ' ');
        var digits = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal);
        if (decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        }

        return text.ToLowerInvariant();
    }
}
