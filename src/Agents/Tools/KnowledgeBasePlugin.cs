using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Agents.Tools;

/// <summary>
/// A Semantic Kernel plugin over given documents, in the way of ReAct's Wikipedia tools: Search opens a document by
/// its title, Lookup finds the next sentence with a keyword in the open document. Holds the open document, so one
/// instance serves one episode; not thread-safe.
/// </summary>
public sealed class KnowledgeBasePlugin
{
    private readonly IReadOnlyDictionary<string, string> _documents;
    private string[] _open = [];
    private string? _keyword;
    private int _nextMatch;

    /// <summary>Creates the plugin over <paramref name="documents"/>, by title.</summary>
    public KnowledgeBasePlugin(IReadOnlyDictionary<string, string> documents) =>
        _documents = new Dictionary<string, string>(documents ?? throw new ArgumentNullException(nameof(documents)), StringComparer.OrdinalIgnoreCase);

    /// <summary>Opens the document titled <paramref name="entity"/> and returns its first sentences, or similar titles.</summary>
    [KernelFunction("Search")]
    [Description("Opens the document about an entity and returns its first sentences; lists similar titles when there is none.")]
    public string Search([Description("The entity's exact name.")] string entity)
    {
        var title = (entity ?? string.Empty).Trim();
        if (_documents.TryGetValue(title, out var text))
        {
            _open = Sentences(text);
            _keyword = null;
            return string.Join(" ", _open.Take(3));
        }

        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var similar = _documents.Keys
            .Where(k => words.Any(w => k.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Take(5)
            .ToList();
        return similar.Count > 0
            ? $"Could not find {title}. Similar: {string.Join(", ", similar)}."
            : $"Could not find {title}.";
    }

    /// <summary>The next sentence of the open document that contains <paramref name="keyword"/>.</summary>
    [KernelFunction("Lookup")]
    [Description("Returns the next sentence containing a keyword in the document opened by Search.")]
    public string Lookup([Description("The keyword.")] string keyword)
    {
        var word = (keyword ?? string.Empty).Trim();
        if (_open.Length == 0)
        {
            return "No document is open; use Search first.";
        }

        if (!string.Equals(word, _keyword, StringComparison.OrdinalIgnoreCase))
        {
            _keyword = word;
            _nextMatch = 0;
        }

        var matches = _open.Where(s => s.Contains(word, StringComparison.OrdinalIgnoreCase)).ToList();
        if (_nextMatch >= matches.Count)
        {
            return matches.Count == 0 ? $"No sentence mentions {word}." : $"No more results for {word}.";
        }

        var result = $"(Result {_nextMatch + 1} / {matches.Count}) {matches[_nextMatch]}";
        _nextMatch++;
        return result;
    }

    private static string[] Sentences(string text) =>
        text.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.EndsWith('.') ? s : s + ".")
            .ToArray();
}
