namespace Agents.Memory.Tests;

/// <summary>Times and small vectors shared by the tests.</summary>
internal static class Fixtures
{
    public static readonly DateTime T0 = new(2023, 2, 13, 7, 0, 0);

    public static DateTime Hours(double hours) => T0.AddHours(hours);

    public static float[] Unit(int dimension, int axis)
    {
        var v = new float[dimension];
        v[axis] = 1;
        return v;
    }
}
