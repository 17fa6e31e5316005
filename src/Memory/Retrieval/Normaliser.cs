namespace Agents.Memory.Retrieval;

/// <summary>
/// Min-max normalisation to [0, 1]; when every candidate has the same value each gets 0.5. Values within a relative
/// 1e-6 count as the same, so float rounding (the cosine of parallel vectors of different lengths) does not spread a
/// tie to 0 and 1.
/// </summary>
internal readonly struct Normaliser
{
    private const double Tolerance = 1e-6;
    private readonly double min;
    private readonly double scale;

    public Normaliser(double min, double max)
    {
        this.min = min;
        double range = max - min;
        scale = range > Tolerance * Math.Max(Math.Abs(min), Math.Abs(max)) ? 1 / range : 0;
    }

    /// <summary>The factor a raw value is multiplied by (0 when all tie): ranking by raw * Scale ranks as normalised.</summary>
    public double Scale => scale;

    public double Apply(double value) => scale > 0 ? Math.Clamp((value - min) * scale, 0, 1) : 0.5;
}
