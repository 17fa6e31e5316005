using System.ComponentModel;
using System.Globalization;
using Microsoft.SemanticKernel;

namespace Agents.Tools;

/// <summary>A Semantic Kernel plugin that tells the time of a given clock (game time in a simulation). Thread-safe.</summary>
public sealed class ClockPlugin
{
    private readonly Func<DateTimeOffset> _now;

    /// <summary>Creates the plugin over <paramref name="now"/>, e.g. a simulation clock or <see cref="TimeProvider"/>.</summary>
    public ClockPlugin(Func<DateTimeOffset> now) => _now = now ?? throw new ArgumentNullException(nameof(now));

    /// <summary>The current date and time, as "yyyy-MM-dd HH:mm (dddd)".</summary>
    [KernelFunction("Now")]
    [Description("Returns the current date, time and weekday.")]
    public string Now() => _now().ToString("yyyy-MM-dd HH:mm (dddd)", CultureInfo.InvariantCulture);
}
