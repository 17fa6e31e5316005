namespace Agents.Runtime.Inference;

/// <summary>
/// Turns the decoded reply into safe-to-send pieces: finds the first stop sequence, and holds back a tail that could
/// still become one (or a half-decoded character). One per reply.
/// </summary>
internal sealed class StopText(IReadOnlyList<string> stops)
{
    private int sent;

    /// <summary>The new text to send for the reply decoded so far; <paramref name="stopped"/> when a stop sequence appeared (text before it only).</summary>
    public string Advance(string text, bool final, out bool stopped)
    {
        stopped = false;
        var end = text.Length;
        foreach (var stop in stops)
        {
            var at = text.IndexOf(stop, Math.Max(0, sent - stop.Length + 1), StringComparison.Ordinal);
            if (at >= 0 && at < end)
            {
                end = at;
                stopped = true;
            }
        }

        if (!stopped && !final)
        {
            if (end > 0 && text[end - 1] == '\uFFFD')
            {
                end--;
            }

            foreach (var stop in stops)
            {
                for (var k = Math.Min(stop.Length - 1, end - sent); k > 0; k--)
                {
                    if (text.AsSpan(end - k, k).SequenceEqual(stop.AsSpan(0, k)))
                    {
                        end -= k;
                        break;
                    }
                }
            }
        }

        if (end <= sent)
        {
            return string.Empty;
        }

        var piece = text[sent..end];
        sent = end;
        return piece;
    }
}
