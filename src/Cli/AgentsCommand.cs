using System.CommandLine;
using Agents.Cli.Commands;

namespace Agents.Cli;

/// <summary>The root of the <c>agents</c> command: every subcommand, and the one place where failures become exit codes.</summary>
public static class AgentsCommand
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the command ran but what it checked failed (a failed evaluation, a failed test).</summary>
    public const int Failed = 1;

    /// <summary>Exit code for bad input: arguments, files, folders. Nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>Builds the command tree.</summary>
    public static Command Build()
    {
        // A plain command named "agents" rather than RootCommand, whose name would be the assembly's (Agents.Cli).
        var root = new Command(
            "agents",
            "Simulate towns of generative agents, run collaboration protocols, and train and serve the model that drives them.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            CommonOptions.Verbose,
        };
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses <paramref name="args"/>, runs the chosen command, and maps failures to exit codes.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = Build();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync("Run 'agents --help' (or 'agents COMMAND --help') for usage.");
            return BadInput;
        }

        var verbose = parsed.GetValue(CommonOptions.Verbose);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parsed.InvokeAsync(config, cancel.Token);
        }
        catch (Exception ex) when (UserErrors.IsUserError(ex))
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            if (verbose)
            {
                await error.WriteLineAsync(ex.ToString());
            }

            return BadInput;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled.");
            return 130;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"internal error: {ex.Message}");
            await error.WriteLineAsync(verbose ? ex.ToString() : "Run again with --verbose for the stack trace.");
            return Failed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static IEnumerable<Command> Commands()
    {
        // One line per subcommand; each lives in Commands/<Name>Command.cs and exposes Create().
        yield return RunCommand.Create();
        yield return ReportCommand.Create();
        yield return MemoriesCommand.Create();
        yield return ViewCommand.Create();
        yield return WhisperCommand.Create();
        yield return InterviewCommand.Create();
        yield return ArenaCommand.Create();
        yield return ChainCommand.Create();
        yield return ServeCommand.Create();
        yield return ChatCommand.Create();
        yield return DistillCommand.Create();
        yield return EvalCommand.Create();
        yield return TrainCommand.Create();
        yield return SampleCommand.Create();
    }
}
