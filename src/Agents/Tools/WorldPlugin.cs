using System.ComponentModel;
using Agents.World.Components;
using Agents.World.Map;
using Agents.World.Simulation;
using Microsoft.SemanticKernel;

namespace Agents.Tools;

/// <summary>
/// A Semantic Kernel plugin over a live simulation: where an agent is now, and who is at a place. It reads the
/// town's entities (positions, activities) at the moment of the call, so call it on the simulation's thread or while
/// no step runs (a <see cref="Town"/> is not thread-safe). Names and places match case-insensitively; an unknown one
/// yields a message that lists what is known, never an exception. Does not own the town.
/// </summary>
public sealed class WorldPlugin
{
    private readonly Town _town;

    /// <summary>Creates the plugin over <paramref name="town"/>.</summary>
    public WorldPlugin(Town town) => _town = town ?? throw new ArgumentNullException(nameof(town));

    /// <summary>The agent's current place address (sector:arena:object, the most specific place of its tile) and what it is doing.</summary>
    [KernelFunction("WhereIs")]
    [Description("Tells where an agent of the town is now (its place address sector:arena:object) and what it is doing.")]
    public string WhereIs([Description("The agent's name, e.g. Isabella Rodriguez (a first name is enough when it is unique).")] string agent)
    {
        if (!TryFindAgent(agent, out var entity, out var problem))
        {
            return problem;
        }

        var name = _town.SpecOf(entity).Name;
        var place = PlaceOf(entity);
        var doing = _town.Entities.Get<Activity>(entity).Description;
        var where = place is { } address ? $"{name} is at {address}" : $"{name} is outside, on no named place";
        return string.IsNullOrWhiteSpace(doing) ? $"{where}." : $"{where} ({doing}).";
    }

    /// <summary>The agents whose tile lies in the place (a sector, an arena or an object's tile).</summary>
    [KernelFunction("WhoIsAt")]
    [Description("Lists the agents who are at a place now: a sector (Hobbs Cafe) or an arena (Hobbs Cafe:kitchen).")]
    public string WhoIsAt([Description("The place address, sector or sector:arena, e.g. Hobbs Cafe:cafe.")] string place)
    {
        if (!TryFindPlace(place, out var address))
        {
            return $"There is no place called {place?.Trim()}. Sectors: {string.Join(", ", _town.Map.Sectors.Select(s => s.Name))}.";
        }

        var here = _town.Agents
            .Where(a => PlaceOf(a) is { } at && address.Contains(at))
            .Select(a => _town.SpecOf(a).Name)
            .ToList();
        return here.Count == 0 ? $"Nobody is at {address}." : $"At {address}: {string.Join(", ", here)}.";
    }

    private Address? PlaceOf(World.Ecs.Entity agent) => _town.Map.AddressAt(_town.Entities.Get<TilePosition>(agent).Point);

    private bool TryFindAgent(string? name, out World.Ecs.Entity entity, out string problem)
    {
        var wanted = (name ?? string.Empty).Trim();
        var matches = _town.Agents.Where(a => string.Equals(_town.SpecOf(a).Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0 && wanted.Length > 0)
        {
            matches = _town.Agents.Where(a => _town.SpecOf(a).Name.Split(' ')[0].Equals(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        entity = matches.Count == 1 ? matches[0] : default;
        problem = matches.Count switch
        {
            1 => string.Empty,
            0 => $"There is no agent called {wanted}. Agents: {string.Join(", ", _town.Agents.Select(a => _town.SpecOf(a).Name))}.",
            _ => $"Several agents are called {wanted}: {string.Join(", ", matches.Select(a => _town.SpecOf(a).Name))}. Give the full name.",
        };
        return matches.Count == 1;
    }

    // The map's own spelling of a place written in any case.
    private bool TryFindPlace(string? text, out Address address)
    {
        address = default;
        if (!Address.TryParse(text, out var written))
        {
            return false;
        }

        var sector = _town.Map.Sectors.FirstOrDefault(s => s.Name.Equals(written.Sector, StringComparison.OrdinalIgnoreCase));
        if (sector is null)
        {
            return false;
        }

        if (written.Arena is null)
        {
            address = sector.Address;
            return true;
        }

        var arena = sector.Arenas.FirstOrDefault(a => a.Name.Equals(written.Arena, StringComparison.OrdinalIgnoreCase));
        if (arena is null)
        {
            return false;
        }

        if (written.Object is null)
        {
            address = arena.Address;
            return true;
        }

        var placed = arena.Objects.FirstOrDefault(o => o.Address.Object!.Equals(written.Object, StringComparison.OrdinalIgnoreCase));
        address = placed?.Address ?? default;
        return placed is not null;
    }
}
