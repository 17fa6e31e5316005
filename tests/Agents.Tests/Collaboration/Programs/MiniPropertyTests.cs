using Agents.Collaboration.Programs;
using CsCheck;

namespace Agents.Tests.Collaboration.Programs;

public sealed class MiniPropertyTests
{
    // A model of Mini integer arithmetic in C#: checked 64-bit, floor division and modulo.
    private abstract record Node
    {
        public abstract string Mini();

        public abstract long Eval();
    }

    private sealed record Number(long Value) : Node
    {
        public override string Mini() => Value < 0 ? $"({Value})" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public override long Eval() => Value;
    }

    private sealed record Op(string Symbol, Node Left, Node Right) : Node
    {
        public override string Mini() => $"({Left.Mini()} {Symbol} {Right.Mini()})";

        public override long Eval()
        {
            long a = Left.Eval(), b = Right.Eval();
            return Symbol switch
            {
                "+" => checked(a + b),
                "-" => checked(a - b),
                "*" => checked(a * b),
                "//" => b == 0 ? throw new DivideByZeroException() : (long)Math.Floor((decimal)a / b),
                _ => b == 0 ? throw new DivideByZeroException() : (long)(a - (b * Math.Floor((decimal)a / b))),
            };
        }
    }

    private static Gen<Node> Expression(int depth) =>
        depth == 0
            ? Gen.Long[-1000, 1000].Select(v => (Node)new Number(v))
            : Gen.Frequency(
                (1, Gen.Long[-1000, 1000].Select(v => (Node)new Number(v))),
                (3, from op in Gen.Int[0, 4].Select(i => new[] { "+", "-", "*", "//", "%" }[i])
                    from left in Expression(depth - 1)
                    from right in Expression(depth - 1)
                    select (Node)new Op(op, left, right)));

    [Fact]
    public void Integer_arithmetic_agrees_with_a_csharp_model()
    {
        var program = MiniParser.Parse("fn id(x) = x");
        Expression(5).Sample(node =>
        {
            long expected;
            try
            {
                expected = node.Eval();
            }
            catch (DivideByZeroException)
            {
                Assert.Equal(MiniErrorKind.DivideByZero, Assert.Throws<MiniRuntimeException>(() => program.Evaluate(node.Mini())).Kind);
                return;
            }
            catch (OverflowException)
            {
                Assert.Equal(MiniErrorKind.Overflow, Assert.Throws<MiniRuntimeException>(() => program.Evaluate(node.Mini())).Kind);
                return;
            }

            Assert.Equal(MiniValue.Of(expected), program.Evaluate(node.Mini()));
        }, iter: 2000);
    }

    [Fact]
    public void Decimal_arithmetic_agrees_with_csharp_decimals()
    {
        var program = MiniParser.Parse("fn f(a, b, c) = (a + b) * c - a / (abs(b) + 1)");
        Gen.Select(Gen.Int[-100000, 100000], Gen.Int[-100000, 100000], Gen.Int[-1000, 1000]).Sample((x, y, z) =>
        {
            decimal a = x / 100m, b = y / 100m, c = z / 10m;
            var expected = ((a + b) * c) - (a / (Math.Abs(b) + 1));
            var actual = program.Call("f", [MiniValue.Of(a), MiniValue.Of(b), MiniValue.Of(c)]);
            Assert.Equal(expected, actual.Number);
        }, iter: 500);
    }

    [Fact]
    public void Literals_read_back_what_they_print()
    {
        var scalar = Gen.OneOf(
            Gen.Long.Select(MiniValue.Of),
            Gen.Int[-1_000_000, 1_000_000].Select(v => MiniValue.Of(v / 1000m)),
            Gen.Bool.Select(MiniValue.Of),
            Gen.String[Gen.Char["a\"\\\n\tz b"], 0, 8].Select(MiniValue.Of));
        var value = Gen.OneOf(scalar, scalar.Array[0, 4].Select(items => MiniValue.ListOf(items)), scalar.Array[0, 3].Array[0, 3].Select(rows => MiniValue.ListOf(rows.Select(r => MiniValue.ListOf(r)))));

        value.Sample(v =>
        {
            var read = MiniValue.Parse(v.ToString());
            Assert.Equal(v, read);
            Assert.Equal(v.ToString(), read.ToString());
        }, iter: 1000);
    }
}
