using System.Globalization;
using System.Text;

namespace Agents.Collaboration.Programs;

/// <summary>
/// A value of Mini: an integer, a decimal, a boolean, a string or a list. Values are immutable; equality is
/// structural, and numbers compare by value across kinds (2 equals 2.0). <see cref="ToString()"/> writes the value as a
/// Mini literal, which <see cref="Parse"/> reads back. Thread-safe.
/// </summary>
public sealed class MiniValue : IEquatable<MiniValue>
{
    private static readonly MiniValue TrueValue = new(MiniValueKind.Boolean, 1, 0, null, null);
    private static readonly MiniValue FalseValue = new(MiniValueKind.Boolean, 0, 0, null, null);
    private readonly long _integer;
    private readonly decimal _decimal;
    private readonly string? _text;
    private readonly MiniValue[]? _items;

    private MiniValue(MiniValueKind kind, long integer, decimal @decimal, string? text, MiniValue[]? items)
    {
        Kind = kind;
        _integer = integer;
        _decimal = @decimal;
        _text = text;
        _items = items;
        Weight = 1 + (text?.Length ?? 0);
        if (items is not null)
        {
            // A list shares its items, so a small list can stand for a large value: weight and depth say how large.
            foreach (var item in items)
            {
                Weight = Math.Min(long.MaxValue / 2, Weight + item.Weight);
                Depth = Math.Max(Depth, item.Depth + 1);
            }

            Depth = Math.Max(Depth, 1);
        }
    }

    /// <summary>The value's kind.</summary>
    public MiniValueKind Kind { get; }

    /// <summary>True for integers and decimals.</summary>
    public bool IsNumber => Kind is MiniValueKind.Integer or MiniValueKind.Decimal;

    /// <summary>The integer; only for <see cref="MiniValueKind.Integer"/>.</summary>
    public long Integer => Kind == MiniValueKind.Integer ? _integer : throw new InvalidOperationException($"{Describe()} is not an integer.");

    /// <summary>The number as a decimal; for integers and decimals.</summary>
    public decimal Number => Kind switch
    {
        MiniValueKind.Integer => _integer,
        MiniValueKind.Decimal => _decimal,
        _ => throw new InvalidOperationException($"{Describe()} is not a number."),
    };

    /// <summary>The boolean; only for <see cref="MiniValueKind.Boolean"/>.</summary>
    public bool Boolean => Kind == MiniValueKind.Boolean ? _integer != 0 : throw new InvalidOperationException($"{Describe()} is not a boolean.");

    /// <summary>The string; only for <see cref="MiniValueKind.Text"/>.</summary>
    public string Text => _text ?? throw new InvalidOperationException($"{Describe()} is not a string.");

    /// <summary>The elements; only for <see cref="MiniValueKind.List"/>.</summary>
    public IReadOnlyList<MiniValue> Items => _items ?? throw new InvalidOperationException($"{Describe()} is not a list.");

    internal MiniValue[] ItemArray => _items!;

    /// <summary>The work of visiting the whole value (comparing or printing it): 1 per value plus each string's length.</summary>
    internal long Weight { get; }

    /// <summary>How deep lists nest in the value: 0 for a scalar, 1 for a flat list.</summary>
    internal int Depth { get; }

    /// <summary>An integer value.</summary>
    public static MiniValue Of(long value) => new(MiniValueKind.Integer, value, 0, null, null);

    /// <summary>A decimal value.</summary>
    public static MiniValue Of(decimal value) => new(MiniValueKind.Decimal, 0, value, null, null);

    /// <summary>A boolean value.</summary>
    public static MiniValue Of(bool value) => value ? TrueValue : FalseValue;

    /// <summary>A string value.</summary>
    public static MiniValue Of(string value) => new(MiniValueKind.Text, 0, 0, value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A list value holding <paramref name="items"/>.</summary>
    public static MiniValue ListOf(IEnumerable<MiniValue> items) => new(MiniValueKind.List, 0, 0, null, (items ?? throw new ArgumentNullException(nameof(items))).ToArray());

    /// <summary>A list value holding <paramref name="items"/>.</summary>
    public static MiniValue ListOf(params MiniValue[] items) => ListOf((IEnumerable<MiniValue>)items);

    internal static MiniValue Wrap(MiniValue[] items) => new(MiniValueKind.List, 0, 0, null, items);

    /// <summary>Reads a Mini literal such as <c>42</c>, <c>2.5</c>, <c>-3</c>, <c>true</c>, <c>"abc"</c> or <c>[1, [2, 3]]</c>.</summary>
    /// <exception cref="MiniSyntaxException">The text is not a literal.</exception>
    public static MiniValue Parse(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        var value = MiniParser.ParseLiteral(literal);
        return value;
    }

    /// <summary>The kind in words with the value, for error messages: "integer 3", "string \"a\"" (long values cut short).</summary>
    public string Describe() => $"{KindName} {ToString(40)}";

    /// <summary>The kind's name in words: "integer", "decimal", "boolean", "string" or "list".</summary>
    public string KindName => Kind switch
    {
        MiniValueKind.Integer => "integer",
        MiniValueKind.Decimal => "decimal",
        MiniValueKind.Boolean => "boolean",
        MiniValueKind.Text => "string",
        _ => "list",
    };

    /// <inheritdoc />
    public bool Equals(MiniValue? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (IsNumber && other.IsNumber)
        {
            return Kind == MiniValueKind.Integer && other.Kind == MiniValueKind.Integer ? _integer == other._integer : Number == other.Number;
        }

        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            MiniValueKind.Boolean => _integer == other._integer,
            MiniValueKind.Text => string.Equals(_text, other._text, StringComparison.Ordinal),
            _ => _items!.AsSpan().SequenceEqual(other._items!),
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MiniValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        MiniValueKind.Integer or MiniValueKind.Decimal => Number.GetHashCode(),
        MiniValueKind.Boolean => _integer.GetHashCode(),
        MiniValueKind.Text => StringComparer.Ordinal.GetHashCode(_text!),
        _ => _items!.Aggregate(17, (h, v) => unchecked((h * 31) + v.GetHashCode())),
    };

    /// <summary>The value as a Mini literal: <c>42</c>, <c>2.5</c>, <c>3.0</c>, <c>true</c>, <c>"a\"b"</c>, <c>[1, 2]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text, int.MaxValue);
        return text.ToString();
    }

    /// <summary>The literal cut to about <paramref name="maxLength"/> characters, ending in "..." when cut; cheap even for huge values.</summary>
    public string ToString(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 4);
        var text = new StringBuilder();
        Write(text, maxLength);
        return text.Length <= maxLength ? text.ToString() : text.ToString(0, maxLength - 3) + "...";
    }

    /// <summary>The value as <c>str(x)</c> gives it: strings without quotes, everything else as its literal.</summary>
    public string Display() => Kind == MiniValueKind.Text ? _text! : ToString();

    private void Write(StringBuilder text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            return;
        }

        switch (Kind)
        {
            case MiniValueKind.Integer:
                text.Append(_integer.ToString(CultureInfo.InvariantCulture));
                break;
            case MiniValueKind.Decimal:
                text.Append(FormatDecimal(_decimal));
                break;
            case MiniValueKind.Boolean:
                text.Append(_integer != 0 ? "true" : "false");
                break;
            case MiniValueKind.Text:
                text.Append('"');
                foreach (var c in _text!)
                {
                    text.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\t' => "\\t", _ => c.ToString() });
                }

                text.Append('"');
                break;
            default:
                text.Append('[');
                for (var i = 0; i < _items!.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    _items[i].Write(text, maxLength);
                    if (text.Length > maxLength)
                    {
                        return;
                    }
                }

                text.Append(']');
                break;
        }
    }

    // Without trailing zeros, but a whole decimal keeps ".0" so that it reads back as a decimal.
    private static string FormatDecimal(decimal value)
    {
        var text = (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }
}
