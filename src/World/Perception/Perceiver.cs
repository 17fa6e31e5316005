using Agents.World.Map;

namespace Agents.World.Perception;

/// <summary>
/// Chooses the events an agent notices in a step, following the generative-agents paper. Stateless and thread-safe:
/// agents may perceive in parallel, each into its own list.
/// </summary>
public static class Perceiver
{
    private static readonly NearestFirst Order = new();

    /// <summary>
    /// Appends to <paramref name="into"/> the events within the square of <see cref="PerceptionSettings.VisionRadius"/>
    /// tiles around <paramref name="viewer"/> that lie in the viewer's current arena (events on tiles outside any arena
    /// are seen only from outside any arena), nearest first (Euclidean; ties by row, column, then the event's text), at
    /// most <see cref="PerceptionSettings.Attention"/> of them. Skipped: the viewer's own events (subject equal to
    /// <paramref name="viewerName"/>), events off the map, and repeats of an event already taken (the same event on two
    /// tiles counts once). Then, as in the paper's reference code, the events whose triple is in
    /// <paramref name="recentTriples"/> are dropped from those nearest few: attention is spent on the nearest events
    /// whether or not they are new, so an agent sitting among the same few events stops re-noticing them.
    /// Allocation-free when <paramref name="into"/> has room.
    /// </summary>
    public static void Perceive(TileMap map, Point viewer, string viewerName, IReadOnlyList<PositionedEvent> events,
        PerceptionSettings settings, IReadOnlyCollection<(string S, string P, string O)> recentTriples, List<Perceived> into)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(recentTriples);
        ArgumentNullException.ThrowIfNull(into);
        if (settings.Attention <= 0)
        {
            return;
        }

        Arena? arena = map.ArenaAt(viewer);
        int first = into.Count;
        for (int i = 0; i < events.Count; i++)
        {
            PositionedEvent e = events[i];
            if (e.At.ChebyshevTo(viewer) > settings.VisionRadius
                || !map.InBounds(e.At)
                || !ReferenceEquals(map.ArenaAt(e.At), arena)
                || string.Equals(e.Event.Subject, viewerName, StringComparison.Ordinal))
            {
                continue;
            }

            into.Add(new Perceived(e.Event, e.At, e.At.EuclideanTo(viewer)));
        }

        int candidates = into.Count - first;
        if (candidates == 0)
        {
            return;
        }

        into.Sort(first, candidates, Order);

        // Keep the first occurrence of each event, up to the attention limit, compacting in place.
        int kept = first;
        for (int i = first; i < into.Count && kept - first < settings.Attention; i++)
        {
            bool repeat = false;
            for (int k = first; k < kept; k++)
            {
                if (into[k].Event == into[i].Event)
                {
                    repeat = true;
                    break;
                }
            }

            if (!repeat)
            {
                into[kept++] = into[i];
            }
        }

        into.RemoveRange(kept, into.Count - kept);
        into.RemoveAll(p => Known(recentTriples, p.Event));
    }

    /// <summary>
    /// Adds to <paramref name="into"/> every place on the tiles within the square of
    /// <see cref="PerceptionSettings.VisionRadius"/> around <paramref name="viewer"/>, with the places that enclose them
    /// (an object brings its arena and sector): what an agent's spatial memory learns in a step. Unlike events, places are
    /// seen across arena borders, as in the paper's reference code.
    /// </summary>
    public static void PlacesInSight(TileMap map, Point viewer, PerceptionSettings settings, ISet<Address> into)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(into);
        int r = Math.Max(0, settings.VisionRadius);
        int left = Math.Max(0, viewer.X - r), right = Math.Min(map.Width - 1, viewer.X + r);
        int top = Math.Max(0, viewer.Y - r), bottom = Math.Min(map.Height - 1, viewer.Y + r);
        for (int y = top; y <= bottom; y++)
        {
            for (int x = left; x <= right; x++)
            {
                for (Address? place = map.AddressAt(new Point(x, y)); place is { } p; place = p.Parent)
                {
                    into.Add(p);
                }
            }
        }
    }

    private static bool Known(IReadOnlyCollection<(string S, string P, string O)> recent, TileEvent e)
    {
        if (recent.Count == 0)
        {
            return false;
        }

        (string, string, string) triple = (e.Subject, e.Predicate, e.Object);
        if (recent is ICollection<(string S, string P, string O)> collection)
        {
            return collection.Contains(triple);
        }

        foreach ((string S, string P, string O) t in recent)
        {
            if (t == triple)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class NearestFirst : IComparer<Perceived>
    {
        public int Compare(Perceived a, Perceived b)
        {
            int c = a.Distance.CompareTo(b.Distance);
            if (c == 0)
            {
                c = a.At.Y.CompareTo(b.At.Y);
            }

            if (c == 0)
            {
                c = a.At.X.CompareTo(b.At.X);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Event.Subject, b.Event.Subject);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Event.Predicate, b.Event.Predicate);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Event.Object, b.Event.Object);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Event.Description, b.Event.Description);
        }
    }
}
