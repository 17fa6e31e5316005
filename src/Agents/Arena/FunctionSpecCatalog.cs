using Agents.Collaboration.Programs;

namespace Agents.Arena;

/// <summary>The function specifications the generator draws from, each with its references in C# and in Mini.</summary>
internal static class FunctionSpecCatalog
{
    public static readonly IReadOnlyList<FunctionSpecTemplate> Templates =
    [
        new("digit_sum", ["n"], "returns the sum of the decimal digits of n (n >= 0)", [],
            [[I(0)], [I(9)], [I(10)]],
            (r, _) => [I(r.NextInt64(0, 10_000_000))],
            (_, a) => I(Digits(a[0].Integer).Sum()),
            "fn digit_sum(n) = if n < 10 { n } else { n % 10 + digit_sum(n // 10) }"),
        new("count_multiples", ["n"], "returns how many of the numbers 1 to n are divisible by {k} (n >= 0)", [("k", 2, 9)],
            [[I(0)], [I(1)]],
            (r, _) => [I(r.Next(0, 1000))],
            (k, a) => I(a[0].Integer / k["k"]),
            "fn count_multiples(n) = n // {k}"),
        new("factorial", ["n"], "returns n! = 1 * 2 * ... * n, where factorial(0) == 1 (0 <= n <= 20)", [],
            [[I(0)], [I(1)], [I(20)]],
            (r, _) => [I(r.Next(2, 20))],
            (_, a) => I(Enumerable.Range(1, (int)a[0].Integer).Aggregate(1L, (p, x) => p * x)),
            "fn factorial(n) = if n <= 1 { 1 } else { n * factorial(n - 1) }"),
        new("fibonacci", ["n"], "returns the n-th Fibonacci number: fibonacci(0) == 0, fibonacci(1) == 1, each next one the sum of the two before (n <= 90)", [],
            [[I(0)], [I(1)], [I(2)], [I(90)]],
            (r, _) => [I(r.Next(3, 91))],
            (_, a) => I(Fibonacci(a[0].Integer)),
            "fn fibonacci(n) = fib_from(n, 0, 1) fn fib_from(n, a, b) = if n == 0 { a } else { fib_from(n - 1, b, a + b) }"),
        new("gcd", ["a", "b"], "returns the greatest common divisor of a and b (a, b >= 0, not both 0)", [],
            [[I(0), I(5)], [I(7), I(0)], [I(12), I(18)]],
            (r, _) =>
            {
                var g = r.Next(1, 50);
                return [I(g * r.Next(0, 200)), I(g * r.Next(1, 200))];
            },
            (_, a) => I(Gcd(a[0].Integer, a[1].Integer)),
            "fn gcd(a, b) = if b == 0 { a } else { gcd(b, a % b) }"),
        new("is_prime", ["n"], "returns true when n is a prime number, else false (n >= 0)", [],
            [[I(0)], [I(1)], [I(2)], [I(4)], [I(97)]],
            (r, _) => [I(r.Next(0, 1000))],
            (_, a) => MiniValue.Of(IsPrime(a[0].Integer)),
            "fn is_prime(n) = n >= 2 and no_divisor_from(n, 2) fn no_divisor_from(n, d) = if d * d > n { true } else if n % d == 0 { false } else { no_divisor_from(n, d + 1) }"),
        new("reverse_digits", ["n"], "returns n with its decimal digits in reverse order, e.g. 1230 gives 321 (n >= 0)", [],
            [[I(0)], [I(7)], [I(1230)]],
            (r, _) => [I(r.NextInt64(10, 10_000_000))],
            (_, a) => I(long.Parse(string.Concat(a[0].Integer.ToString(System.Globalization.CultureInfo.InvariantCulture).Reverse()), System.Globalization.CultureInfo.InvariantCulture)),
            "fn reverse_digits(n) = reverse_onto(n, 0) fn reverse_onto(n, acc) = if n == 0 { acc } else { reverse_onto(n // 10, acc * 10 + n % 10) }"),
        new("sum_list", ["xs"], "returns the sum of the integers in the list xs (0 for an empty list)", [],
            [[L()], [L(5)]],
            (r, _) => [List(r, 1, 9, -50, 50)],
            (_, a) => I(a[0].Items.Sum(v => v.Integer)),
            "fn sum_list(xs) = if len(xs) == 0 { 0 } else { xs[0] + sum_list(xs[1:]) }"),
        new("max_list", ["xs"], "returns the largest integer in the non-empty list xs", [],
            [[L(-3)], [L(-5, -2, -9)]],
            (r, _) => [List(r, 2, 9, -100, 100)],
            (_, a) => I(a[0].Items.Max(v => v.Integer)),
            "fn max_list(xs) = if len(xs) == 1 { xs[0] } else { max(xs[0], max_list(xs[1:])) }"),
        new("count_value", ["xs"], "returns how many times {k} occurs in the list xs", [("k", 0, 9)],
            [[L()]],
            (r, _) => [List(r, 1, 12, 0, 9)],
            (k, a) => I(a[0].Items.Count(v => v.Integer == k["k"])),
            "fn count_value(xs) = if len(xs) == 0 { 0 } else { (if xs[0] == {k} { 1 } else { 0 }) + count_value(xs[1:]) }"),
        new("power", ["b", "e"], "returns b raised to the power e (e >= 0; power(0, 0) == 1)", [],
            [[I(0), I(0)], [I(2), I(10)], [I(-3), I(3)]],
            (r, _) => [I(r.Next(-9, 10)), I(r.Next(0, 16))],
            (_, a) => I(Enumerable.Repeat(a[0].Integer, (int)a[1].Integer).Aggregate(1L, (p, x) => p * x)),
            "fn power(b, e) = if e == 0 { 1 } else { b * power(b, e - 1) }"),
        new("collatz_steps", ["n"], "returns the steps from n to 1, a step turning n into n // 2 if n is even, else 3 * n + 1 (n >= 1)", [],
            [[I(1)], [I(2)], [I(27)]],
            (r, _) => [I(r.Next(3, 300))],
            (_, a) => I(Collatz(a[0].Integer)),
            "fn collatz_steps(n) = if n == 1 { 0 } else if n % 2 == 0 { 1 + collatz_steps(n // 2) } else { 1 + collatz_steps(3 * n + 1) }"),
        new("sum_squares", ["n"], "returns 1 * 1 + 2 * 2 + ... + n * n (n >= 0)", [],
            [[I(0)], [I(1)]],
            (r, _) => [I(r.Next(2, 300))],
            (_, a) => I(Enumerable.Range(1, (int)a[0].Integer).Sum(x => (long)x * x)),
            "fn sum_squares(n) = if n == 0 { 0 } else { n * n + sum_squares(n - 1) }"),
        new("is_palindrome", ["s"], "returns true when the string s reads the same backwards, else false", [],
            [[T(string.Empty)], [T("a")], [T("ab")], [T("abba")]],
            (r, _) =>
            {
                var half = new string(Enumerable.Range(0, r.Next(1, 5)).Select(_ => "abc"[r.Next(3)]).ToArray());
                var middle = r.Next(2) == 0 ? string.Empty : "abc"[r.Next(3)].ToString();
                var mirrored = half + middle + new string(half.Reverse().ToArray());
                return [T(r.Next(2) == 0 ? mirrored : half + middle + half)];
            },
            (_, a) => MiniValue.Of(a[0].Text.SequenceEqual(a[0].Text.Reverse())),
            "fn is_palindrome(s) = if len(s) <= 1 { true } else { s[0] == s[-1] and is_palindrome(s[1:-1]) }"),
        new("mean", ["xs"], "returns the mean of the non-empty integer list xs as an exact decimal (mean([1, 2]) == 1.5)", [],
            [[L(4)], [L(1, 2)]],
            (r, _) => [List(r, 2, 7, -20, 20)],
            (_, a) => MiniValue.Of((decimal)a[0].Items.Sum(v => v.Integer) / a[0].Items.Count),
            "fn mean(xs) = total(xs) / len(xs) fn total(xs) = if len(xs) == 0 { 0 } else { xs[0] + total(xs[1:]) }"),
        new("scale_shift", ["n"], "returns {a} times n plus {b}", [("a", 2, 9), ("b", -20, 20)],
            [[I(0)]],
            (r, _) => [I(r.Next(-100, 101))],
            (k, a) => I((k["a"] * a[0].Integer) + k["b"]),
            "fn scale_shift(n) = {a} * n + {b}"),
        new("clamp", ["n"], "returns n limited to {lo}..{hi}: {lo} when n < {lo}, {hi} when n > {hi}, else n", [("lo", -10, 0), ("hi", 1, 20)],
            [[I(-100)], [I(100)], [I(0)]],
            (r, k) => [I(r.NextInt64(k["lo"] - 5, k["hi"] + 6))],
            (k, a) => I(Math.Clamp(a[0].Integer, k["lo"], k["hi"])),
            "fn clamp(n) = if n < {lo} { {lo} } else if n > {hi} { {hi} } else { n }"),
        new("count_digits", ["n"], "returns how many decimal digits n has (n >= 0; count_digits(0) == 1)", [],
            [[I(0)], [I(9)], [I(10)]],
            (r, _) => [I(r.NextInt64(11, 1_000_000_000_000))],
            (_, a) => I(a[0].Integer.ToString(System.Globalization.CultureInfo.InvariantCulture).Length),
            "fn count_digits(n) = if n < 10 { 1 } else { 1 + count_digits(n // 10) }"),
    ];

    private static MiniValue I(long value) => MiniValue.Of(value);

    private static MiniValue T(string value) => MiniValue.Of(value);

    private static MiniValue L(params long[] values) => MiniValue.ListOf(values.Select(MiniValue.Of));

    private static MiniValue List(Random r, int minLength, int maxLength, int low, int high) =>
        MiniValue.ListOf(Enumerable.Range(0, r.Next(minLength, maxLength)).Select(_ => MiniValue.Of((long)r.Next(low, high + 1))).ToList());

    private static IEnumerable<long> Digits(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (long)(c - '0'));

    private static long Fibonacci(long n)
    {
        long a = 0, b = 1;
        for (var i = 0; i < n; i++)
        {
            (a, b) = (b, a + b);
        }

        return a;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static bool IsPrime(long n)
    {
        if (n < 2)
        {
            return false;
        }

        for (long d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static long Collatz(long n)
    {
        var steps = 0L;
        while (n != 1)
        {
            n = n % 2 == 0 ? n / 2 : (3 * n) + 1;
            steps++;
        }

        return steps;
    }
}
