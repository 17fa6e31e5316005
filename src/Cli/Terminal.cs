using System.CommandLine;
using Spectre.Console;

namespace Agents.Cli;

/// <summary>The Spectre console a command writes to: the real terminal, or the writer a test handed in.</summary>
public static class Terminal
{
    /// <summary>A console over the invocation's output writer.</summary>
    public static IAnsiConsole For(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        if (ReferenceEquals(output, Console.Out))
        {
            return AnsiConsole.Console;
        }

        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
    }
}
