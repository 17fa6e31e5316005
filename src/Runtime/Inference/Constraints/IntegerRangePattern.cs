using System.Globalization;
using System.Text;

namespace Agents.Runtime.Inference.Constraints;

/// <summary>A regex matching exactly the decimal integers in [min, max] (no leading zeros, no "-0").</summary>
internal static class IntegerRangePattern
{
    public static string For(long min, long max)
    {
        if (min > max)
        {
            throw new Inference.ConstraintException($"Integer range [{min}, {max}] is empty.");
        }

        var parts = new List<string>();
        if (min < 0)
        {
            var negativeLow = max < 0 ? -max : 1;
            parts.Add("-(" + NonNegative(negativeLow, -min) + ")");
        }

        if (max >= 0)
        {
            parts.Add(NonNegative(Math.Max(0, min), max));
        }

        return "(" + string.Join('|', parts) + ")";
    }

    private static string NonNegative(long low, long high)
    {
        var alternatives = new List<string>();
        for (var digits = 1; digits <= 19; digits++)
        {
            var first = digits == 1 ? 0 : Pow10(digits - 1);
            var last = digits == 19 ? long.MaxValue : Pow10(digits) - 1;
            long a = Math.Max(low, first), b = Math.Min(high, last);
            if (a <= b)
            {
                alternatives.AddRange(SameLength(a.ToString(CultureInfo.InvariantCulture), b.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return string.Join('|', alternatives);
    }

    private static IEnumerable<string> SameLength(string low, string high)
    {
        if (low.Length == 0)
        {
            yield return string.Empty;
            yield break;
        }

        if (low == high)
        {
            yield return low;
            yield break;
        }

        if (low.All(c => c == '0') && high.All(c => c == '9'))
        {
            yield return $"[0-9]{{{low.Length}}}";
            yield break;
        }

        char a = low[0], b = high[0];
        var rest = low.Length - 1;
        if (a == b)
        {
            foreach (var tail in SameLength(low[1..], high[1..]))
            {
                yield return a + tail;
            }

            yield break;
        }

        foreach (var tail in SameLength(low[1..], new string('9', rest)))
        {
            yield return a + tail;
        }

        if (b - a > 1)
        {
            var middle = new StringBuilder().Append('[').Append((char)(a + 1)).Append('-').Append((char)(b - 1)).Append(']');
            if (rest > 0)
            {
                middle.Append($"[0-9]{{{rest}}}");
            }

            yield return middle.ToString();
        }

        foreach (var tail in SameLength(new string('0', rest), high[1..]))
        {
            yield return b + tail;
        }
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}
