using Agents.World.Map;
using CsCheck;

namespace Agents.World.Tests.Map;

public sealed class AddressTests
{
    private static readonly Gen<string> Name = Gen.String[Gen.Char["abcdefgh XYZ'-_é"], 1, 8]
        .Select(s => s.Trim()).Where(s => s.Length > 0);

    [Fact]
    public void Addresses_round_trip_through_their_text()
    {
        Gen.Select(Name, Name.Null(), Name.Null(), (s, a, o) => new Address(s, a, a is null ? null : o))
            .Sample(address =>
            {
                Address back = Address.Parse(address.ToString());
                Assert.Equal(address, back);
                Assert.Equal(address.ToString(), back.ToString());
            }, iter: 1000);
    }

    [Fact]
    public void Parse_trims_spaces_around_each_part()
    {
        Assert.Equal(new Address("Hobbs Cafe", "kitchen", "stove"), Address.Parse(" Hobbs Cafe : kitchen:stove "));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("cafe::stove")]
    [InlineData("cafe:kitchen:")]
    [InlineData("world:cafe:kitchen:stove")]
    public void Malformed_addresses_are_rejected_with_the_text_in_the_message(string text)
    {
        Assert.False(Address.TryParse(text, out _));
        MapException e = Assert.Throws<MapException>(() => Address.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_and_parent_walk_up_the_hierarchy()
    {
        var stove = new Address("cafe", "kitchen", "stove");
        Assert.Equal(3, stove.Depth);
        Assert.Equal(new Address("cafe", "kitchen"), stove.Parent);
        Assert.Equal(new Address("cafe"), stove.Parent!.Value.Parent);
        Assert.Null(new Address("cafe").Parent);
        Assert.Equal(0, default(Address).Depth);
    }

    [Fact]
    public void A_place_contains_itself_and_what_lies_inside_it_only()
    {
        var cafe = new Address("cafe");
        var kitchen = new Address("cafe", "kitchen");
        var stove = new Address("cafe", "kitchen", "stove");
        Assert.True(cafe.Contains(stove));
        Assert.True(kitchen.Contains(stove));
        Assert.True(stove.Contains(stove));
        Assert.False(stove.Contains(kitchen));
        Assert.False(kitchen.Contains(new Address("cafe", "dining room", "stove")));
        Assert.False(cafe.Contains(new Address("Cafe")));
    }
}
