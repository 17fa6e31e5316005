using SkiaSharp;

namespace Agents.Viewer.Tests;

internal static class Pixels
{
    public static void AssertColor(SKColor expected, SKColor actual, int tolerance = 0, string? where = null)
    {
        var ok = Math.Abs(expected.Red - actual.Red) <= tolerance
            && Math.Abs(expected.Green - actual.Green) <= tolerance
            && Math.Abs(expected.Blue - actual.Blue) <= tolerance;
        Assert.True(ok, $"expected {expected} but found {actual}{(where is null ? string.Empty : " at " + where)}");
    }

    public static bool Near(SKColor a, SKColor b, int tolerance) =>
        Math.Abs(a.Red - b.Red) <= tolerance && Math.Abs(a.Green - b.Green) <= tolerance && Math.Abs(a.Blue - b.Blue) <= tolerance;

    public static int Count(SKBitmap bitmap, SKRect area, Func<SKColor, bool> predicate)
    {
        var n = 0;
        for (var y = (int)Math.Max(0, area.Top); y < (int)Math.Min(bitmap.Height, area.Bottom); y++)
        {
            for (var x = (int)Math.Max(0, area.Left); x < (int)Math.Min(bitmap.Width, area.Right); x++)
            {
                if (predicate(bitmap.GetPixel(x, y)))
                {
                    n++;
                }
            }
        }

        return n;
    }

    public static float Luma(SKColor c) => (0.299f * c.Red) + (0.587f * c.Green) + (0.114f * c.Blue);
}
