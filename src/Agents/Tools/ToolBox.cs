using System.Text.Json;
using Microsoft.SemanticKernel;

namespace Agents.Tools;

/// <summary>
/// The tools of a ReAct agent: the functions of a Semantic Kernel's plugins, called by name (or Plugin.Name).
/// A call never throws for a bad action: it returns the observation "Invalid action: ...". As thread-safe as its plugins.
/// </summary>
public sealed class ToolBox
{
    private readonly Kernel _kernel;
    private readonly Dictionary<string, KernelFunction> _functions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a tool box over the plugins of <paramref name="kernel"/>.</summary>
    public ToolBox(Kernel kernel)
    {
        _kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        foreach (var plugin in kernel.Plugins)
        {
            foreach (var function in plugin)
            {
                _functions[plugin.Name + "." + function.Name] = function;
                _functions.TryAdd(function.Name, function);
            }
        }
    }

    /// <summary>Creates a tool box over plugin objects (classes with [KernelFunction] methods), each named by its type.</summary>
    public static ToolBox FromPlugins(params object[] plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        var kernel = new Kernel();
        foreach (var plugin in plugins)
        {
            kernel.Plugins.AddFromObject(plugin, plugin.GetType().Name.Replace("Plugin", string.Empty, StringComparison.Ordinal));
        }

        return new ToolBox(kernel);
    }

    /// <summary>One line per tool, "Name[parameter]: description", for prompts.</summary>
    public IReadOnlyList<string> Describe() =>
        _kernel.Plugins.SelectMany(p => p)
            .Select(f => $"{f.Name}[{string.Join(", ", f.Metadata.Parameters.Select(p => p.Name))}]: {f.Description}")
            .ToList();

    /// <summary>Calls the tool <paramref name="action"/> names and returns its observation.</summary>
    public async Task<string> InvokeAsync(ToolAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!_functions.TryGetValue(action.Name, out var function))
        {
            return $"Invalid action: unknown tool {action.Name}. Tools: {string.Join(", ", _kernel.Plugins.SelectMany(p => p).Select(f => f.Name))}, Finish.";
        }

        if (!TryBind(function, action.Argument, out var arguments, out var problem))
        {
            return $"Invalid action: {problem}";
        }

        try
        {
            var result = await function.InvokeAsync(_kernel, arguments, cancellationToken).ConfigureAwait(false);
            return result.GetValue<object>()?.ToString() ?? string.Empty;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing tool is an observation for the agent, never a crash of the loop.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"Invalid action: {action.Name} failed: {e.Message}";
        }
    }

    private static bool TryBind(KernelFunction function, string argument, out KernelArguments arguments, out string problem)
    {
        arguments = [];
        problem = string.Empty;
        var parameters = function.Metadata.Parameters;
        if (argument.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(argument);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    arguments[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
            catch (JsonException e)
            {
                problem = $"the JSON arguments of {function.Name} do not parse ({e.Message}).";
                return false;
            }

            var bound = arguments;
            var missing = parameters.Where(p => p.IsRequired && !bound.ContainsName(p.Name)).Select(p => p.Name).ToList();
            if (missing.Count > 0)
            {
                problem = $"{function.Name} needs {string.Join(", ", missing)}.";
                return false;
            }

            return true;
        }

        if (parameters.Count > 0)
        {
            arguments[parameters[0].Name] = argument;
        }

        return true;
    }
}
