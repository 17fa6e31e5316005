using System.Numerics;

namespace Agents.Arena;

/// <summary>An exact fraction in lowest terms with a positive denominator, for the 24 game (where 8/(3-8/3) must be exactly 24).</summary>
internal readonly record struct Rational
{
    private Rational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public bool IsZero => Numerator.IsZero;

    public static Rational Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return gcd.IsOne || gcd.IsZero ? new Rational(numerator, denominator) : new Rational(numerator / gcd, denominator / gcd);
    }

    public static Rational Whole(long value) => new(value, BigInteger.One);

    public static Rational operator +(Rational a, Rational b) => Of((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) => Of((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) => Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) => Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public override string ToString() => Denominator.IsOne ? Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Numerator}/{Denominator}";
}
