using System.CommandLine;
using Spectre.Console;

namespace Agents.Cli;

/// <summary>The Spectre console a command writes to: the real terminal, or the writer a test handed in.</summary>
public static class Terminal
{
    private const int WideWidth = 200;

    /// <summary>A console over the invocation's output writer.</summary>
    public static IAnsiConsole For(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        if (ReferenceEquals(output, Console.Out))
        {
            var console = AnsiConsole.Console;
            if (Console.IsOutputRedirected)
            {
                // Piped into a file or another program: no terminal width to respect, so tables do not wrap.
                console.Profile.Width = WideWidth;
            }

            return console;
        }

        var captured = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        captured.Profile.Width = WideWidth;
        return captured;
    }
}
