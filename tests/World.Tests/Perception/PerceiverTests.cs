using Agents.World.Map;
using Agents.World.Perception;
using Agents.World.Tests.Map;
using CsCheck;

namespace Agents.World.Tests.Perception;

public sealed class PerceiverTests
{
    private static readonly TileMap Town = TestMaps.Town();
    private static readonly PerceptionSettings Defaults = new();
    private static readonly (string, string, string)[] NothingRecent = [];

    private static PositionedEvent At(int x, int y, string subject, string predicate = "is", string obj = "idle") =>
        new(new Point(x, y), new TileEvent(subject, predicate, obj, $"{subject} {predicate} {obj}"));

    private static List<Perceived> Perceive(Point viewer, IReadOnlyList<PositionedEvent> events, PerceptionSettings? settings = null,
        IReadOnlyCollection<(string, string, string)>? recent = null, string viewerName = "Klaus")
    {
        var into = new List<Perceived>();
        Perceiver.Perceive(Town, viewer, viewerName, events, settings ?? Defaults, recent ?? NothingRecent, into);
        return into;
    }

    [Fact]
    public void Events_within_the_square_radius_are_seen_and_those_beyond_are_not()
    {
        // The viewer stands on the road, outside any arena; the park is outside arenas too.
        var seen = Perceive(new Point(8, 5),
            [At(12, 5, "road sign"), At(13, 5, "far sign"), At(12, 1, "park corner"), At(8, 0, "roof")],
            Defaults with { Attention = 10 });
        Assert.Equal(["road sign", "park corner"], seen.Select(p => p.Event.Subject));
        Assert.Equal(Math.Sqrt(32), seen[1].Distance, 9); // a corner of the 9x9 square is still in sight
    }

    [Fact]
    public void Only_events_in_the_viewers_arena_are_seen()
    {
        var seen = Perceive(new Point(5, 3),
            [At(1, 1, "fridge"), At(7, 3, "Isabella"), At(6, 2, "hallway cat"), At(5, 5, "car on the road")]);
        Assert.Equal(["fridge"], seen.Select(p => p.Event.Subject));
    }

    [Fact]
    public void From_outside_any_arena_events_inside_arenas_are_not_seen()
    {
        var seen = Perceive(new Point(6, 2), [At(5, 2, "cook"), At(7, 2, "waiter"), At(6, 4, "door", obj: "open")]);
        Assert.Equal(["door"], seen.Select(p => p.Event.Subject));
    }

    [Fact]
    public void At_most_attention_events_are_kept_the_nearest_first()
    {
        var seen = Perceive(new Point(1, 1),
            [At(5, 3, "e"), At(1, 2, "a"), At(3, 3, "d"), At(2, 1, "b"), At(3, 1, "c")]);
        Assert.Equal(["b", "a", "c"], seen.Select(p => p.Event.Subject));
        Assert.Equal([1.0, 1.0, 2.0], seen.Select(p => p.Distance));
    }

    [Fact]
    public void Equal_distances_are_ordered_by_row_then_column()
    {
        var seen = Perceive(new Point(3, 2), [At(3, 3, "below"), At(4, 2, "right"), At(2, 2, "left"), At(3, 1, "above")],
            Defaults with { Attention = 4 });
        Assert.Equal(["above", "left", "right", "below"], seen.Select(p => p.Event.Subject));
    }

    [Fact]
    public void Events_already_among_the_latest_stored_are_dropped_after_attention_picks_the_nearest()
    {
        var seen = Perceive(new Point(1, 1),
            [At(1, 2, "stove", "is", "boiling"), At(2, 1, "fridge"), At(3, 1, "sink"), At(4, 1, "bin")],
            recent: new HashSet<(string, string, string)> { ("stove", "is", "boiling"), ("sink", "is", "dripping") });
        Assert.Equal(["fridge", "sink"], seen.Select(p => p.Event.Subject));
    }

    [Fact]
    public void Retention_compares_the_whole_triple()
    {
        var seen = Perceive(new Point(1, 1), [At(1, 2, "stove", "is", "idle")],
            recent: [("stove", "is", "boiling"), ("stove", "was", "idle")]);
        Assert.Single(seen);
    }

    [Fact]
    public void The_viewers_own_events_are_skipped()
    {
        var seen = Perceive(new Point(1, 1), [At(1, 1, "Klaus", "is", "cooking"), At(2, 1, "Maria", "is", "eating")]);
        Assert.Equal(["Maria"], seen.Select(p => p.Event.Subject));
    }

    [Fact]
    public void The_same_event_on_two_tiles_is_perceived_once_at_the_nearer()
    {
        var seen = Perceive(new Point(1, 1), [At(4, 1, "radio", "is", "playing"), At(2, 1, "radio", "is", "playing"), At(1, 3, "cat")]);
        Assert.Equal([("radio", new Point(2, 1)), ("cat", new Point(1, 3))], seen.Select(p => (p.Event.Subject, p.At)));
    }

    [Fact]
    public void Perceived_events_are_appended_after_what_the_list_held()
    {
        var into = new List<Perceived> { new(new TileEvent("old", "is", "kept", ""), new Point(0, 0), 0) };
        Perceiver.Perceive(Town, new Point(1, 1), "Klaus", [At(5, 3, "far"), At(2, 1, "near")], Defaults with { Attention = 1 }, NothingRecent, into);
        Assert.Equal(["old", "near"], into.Select(p => p.Event.Subject));
    }

    [Fact]
    public void Events_off_the_map_are_not_seen()
    {
        var seen = Perceive(new Point(16, 5), [At(17, 5, "ghost"), At(16, 6, "mole"), At(15, 5, "dog")]);
        Assert.Equal(["dog"], seen.Select(p => p.Event.Subject));
    }

    [Fact]
    public void No_attention_means_nothing_is_perceived()
    {
        Assert.Empty(Perceive(new Point(1, 1), [At(2, 1, "x")], Defaults with { Attention = 0 }));
    }

    [Fact]
    public void Perception_matches_a_plain_model_and_ignores_the_order_of_events()
    {
        Gen<PositionedEvent> anEvent = Gen.Select(Gen.Int[0, Town.Width - 1], Gen.Int[0, Town.Height - 1],
            Gen.OneOf("Klaus", "Maria", "stove", "cat"), Gen.OneOf("is", "uses"), Gen.OneOf("idle", "busy"),
            (x, y, s, p, o) => At(x, y, s, p, o));
        Gen.Select(anEvent.Array[0, 30], Gen.Int[0, Town.Width - 1], Gen.Int[0, Town.Height - 1], Gen.Int[0, 5], Gen.Int[0, 6])
            .Sample((events, vx, vy, radius, attention) =>
            {
                var viewer = new Point(vx, vy);
                var settings = new PerceptionSettings(radius, attention);
                (string, string, string)[] recent = [("cat", "is", "idle")];
                Arena? arena = Town.ArenaAt(viewer);
                var expected = events
                    .Where(e => Math.Max(Math.Abs(e.At.X - vx), Math.Abs(e.At.Y - vy)) <= radius)
                    .Where(e => Town.ArenaAt(e.At) == arena)
                    .Where(e => e.Event.Subject != "Klaus")
                    .OrderBy(e => e.At.EuclideanTo(viewer)).ThenBy(e => e.At.Y).ThenBy(e => e.At.X)
                    .ThenBy(e => e.Event.Subject, StringComparer.Ordinal).ThenBy(e => e.Event.Predicate, StringComparer.Ordinal)
                    .ThenBy(e => e.Event.Object, StringComparer.Ordinal)
                    .DistinctBy(e => e.Event)
                    .Take(attention)
                    .Where(e => !recent.Contains(e.Event.Triple))
                    .Select(e => (e.Event, e.At))
                    .ToList();
                var reversed = events.Reverse().ToArray();
                Assert.Equal(expected, Perceive(viewer, events, settings, recent).Select(p => (p.Event, p.At)));
                Assert.Equal(expected, Perceive(viewer, reversed, settings, recent).Select(p => (p.Event, p.At)));
            }, iter: 500);
    }

    [Fact]
    public void Places_in_sight_include_their_enclosing_places_and_cross_arena_borders()
    {
        var places = new HashSet<Address>();
        Perceiver.PlacesInSight(Town, new Point(3, 2), Defaults with { VisionRadius = 1 }, places);
        Assert.Equal(["cafe", "cafe:kitchen", "cafe:kitchen:stove"], places.Select(a => a.ToString()).Order());

        Perceiver.PlacesInSight(Town, new Point(3, 2), Defaults, places);
        Assert.Equal(["cafe", "cafe:dining room", "cafe:kitchen", "cafe:kitchen:fridge", "cafe:kitchen:stove"],
            places.Select(a => a.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Places_in_sight_stop_at_the_edges_of_the_map()
    {
        var places = new HashSet<Address>();
        Perceiver.PlacesInSight(Town, new Point(16, 5), Defaults with { VisionRadius = 3 }, places);
        Assert.Equal([new Address("park")], places);
    }
}
