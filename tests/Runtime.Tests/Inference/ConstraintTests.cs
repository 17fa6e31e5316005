using System.Text.Json;
using System.Text.RegularExpressions;
using Agents.Runtime.Inference;
using Agents.Runtime.Inference.Constraints;
using CsCheck;

namespace Agents.Runtime.Tests.Inference;

public sealed class ConstraintTests
{
    [Theory]
    [InlineData("a(b|c)*d")]
    [InlineData("[0-9]{2,3}-[a-f]+")]
    [InlineData("(yes|no|maybe)\\.?")]
    [InlineData("x?y{0,2}[^ab]z")]
    [InlineData("\\d+(\\.\\d{1,2})?")]
    public void The_automaton_matches_exactly_what_dotnet_regex_matches_in_full(string pattern)
    {
        var automaton = CharAutomaton.FromRegex(pattern);
        var reference = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant);
        Gen.String[Gen.Char["abcdxyz0123456789.-"], 0, 8].Sample(text => reference.IsMatch(text) == automaton.Matches(text), iter: 3000, threads: 1); // The automaton is single-threaded by contract.
        Assert.True(automaton.Matches(pattern switch
        {
            "a(b|c)*d" => "abcbd",
            "[0-9]{2,3}-[a-f]+" => "123-fa",
            "(yes|no|maybe)\\.?" => "maybe.",
            "x?y{0,2}[^ab]z" => "xyyqz",
            _ => "3.14",
        }));
    }

    [Fact]
    public void Integer_range_patterns_accept_exactly_the_integers_in_range()
    {
        Gen.Select(Gen.Long[-5000, 5000], Gen.Long[0, 3000]).Sample((low, width) =>
        {
            var high = low + width;
            var automaton = CharAutomaton.FromRegex(IntegerRangePattern.For(low, high));
            for (var value = low - 30; value <= high + 30; value += 1 + (width / 50))
            {
                if (automaton.Matches(value.ToString(System.Globalization.CultureInfo.InvariantCulture)) != (value >= low && value <= high))
                {
                    return false;
                }
            }

            return !automaton.Matches("-0") && !automaton.Matches("007");
        }, iter: 200);
    }

    [Fact]
    public void Unsupported_regex_and_schema_parts_are_refused_with_the_place_named()
    {
        var regex = Assert.Throws<ConstraintException>(() => CharAutomaton.FromRegex("ab(c"));
        Assert.Contains("expected ')'", regex.Message, StringComparison.Ordinal);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":"string","pattern":"x+"}}}""");
        var error = Assert.Throws<ConstraintException>(() => JsonSchemaPattern.From(schema.RootElement));
        Assert.Contains("$.name", error.Message, StringComparison.Ordinal);
        Assert.Contains("pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_pattern_accepts_valid_compact_json_and_rejects_invalid()
    {
        using var schema = JsonDocument.Parse(ConstrainedSamplingTests.Schema);
        var automaton = CharAutomaton.FromRegex(JsonSchemaPattern.From(schema.RootElement));
        Assert.True(automaton.Matches("""{"name":"Tom","mood":"happy","age":42,"tags":["a"]}"""));
        Assert.True(automaton.Matches("""{"name":"K\"x","mood":"sad","age":0,"tags":["ab","c"]}"""));
        Assert.False(automaton.Matches("""{"name":"","mood":"happy","age":42,"tags":["a"]}"""), "name too short");
        Assert.False(automaton.Matches("""{"name":"Tom","mood":"angry","age":42,"tags":["a"]}"""), "mood not in enum");
        Assert.False(automaton.Matches("""{"name":"Tom","mood":"happy","age":121,"tags":["a"]}"""), "age out of range");
        Assert.False(automaton.Matches("""{"name":"Tom","mood":"happy","age":42,"tags":[]}"""), "too few tags");
        Assert.False(automaton.Matches("""{"name":"Tom","mood":"happy","age":42,"tags":["a","b","c","d"]}"""), "too many tags");
        Assert.False(automaton.Matches("""{"mood":"happy","name":"Tom","age":42,"tags":["a"]}"""), "keys in the wrong order");
    }

    [Fact]
    public void The_constraint_cache_keeps_the_most_recently_used_patterns_and_compiles_each_once_while_kept()
    {
        string?[] texts = ["a", "b", "ab"];
        var compiled = new List<string>();
        TokenConstraint Compile(string pattern)
        {
            compiled.Add(pattern);
            return new TokenConstraint(CharAutomaton.FromRegex(pattern), texts, new HashSet<int>());
        }

        var cache = new ConstraintCache(2);
        var first = cache.GetOrAdd("a+", Compile);
        cache.GetOrAdd("b+", Compile);
        Assert.Same(first, cache.GetOrAdd("a+", Compile));
        cache.GetOrAdd("(ab)+", Compile);

        Assert.Equal(2, cache.Count);
        Assert.Same(first, cache.GetOrAdd("a+", Compile));
        cache.GetOrAdd("b+", Compile);
        Assert.Equal(["a+", "b+", "(ab)+", "b+"], compiled);

        // An evicted constraint still works for whoever holds it.
        cache.GetOrAdd("c", Compile);
        Assert.True(first.Allows(first.Start, 0));
        Assert.False(first.Allows(first.Start, 1));
    }

    [Theory]
    [InlineData("Hobbs Cafe's #1 (table) [corner] {x} * + ? | ^ $ \\ . -")]
    [InlineData("tab\tform\fvertical\vend\r\n")]
    public void Every_escape_Regex_Escape_writes_compiles_to_its_literal(string text)
    {
        var automaton = CharAutomaton.FromRegex("(" + Regex.Escape(text) + "|other)");

        Assert.True(automaton.Matches(text));
        Assert.True(automaton.Matches("other"));
        Assert.False(automaton.Matches(text[..^1]));
    }
}
