namespace Agents.Arena;

/// <summary>What a slogan is for: a product's name, what it is, what it does well, and the words that say so.</summary>
/// <param name="Name">The product's name, e.g. "Pebble".</param>
/// <param name="Thing">What it is, e.g. "water bottle".</param>
/// <param name="Feature">What it does well, as a verb phrase, e.g. "keeps drinks cold all day".</param>
/// <param name="Keywords">The feature's key words, e.g. ["cold", "day"].</param>
public sealed record SloganBrief(string Name, string Thing, string Feature, IReadOnlyList<string> Keywords);
