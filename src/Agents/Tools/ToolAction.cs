namespace Agents.Tools;

/// <summary>An action of a ReAct step: a tool's name and its argument (plain text, or a JSON object of named arguments).</summary>
/// <param name="Name">The tool's name, e.g. "Calculate" or "Finish".</param>
/// <param name="Argument">The argument as written (plain text or a JSON object).</param>
public sealed record ToolAction(string Name, string Argument)
{
    /// <summary>True for Finish[answer].</summary>
    public bool IsFinish => string.Equals(Name, "Finish", StringComparison.OrdinalIgnoreCase);

    /// <summary>A normalised key: equal keys are the same action (repeat detection).</summary>
    public string Key => Name.ToUpperInvariant() + "[" + string.Join(' ', Argument.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant() + "]";

    /// <inheritdoc />
    public override string ToString() => $"{Name}[{Argument}]";
}
