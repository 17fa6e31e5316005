using System.Globalization;
using System.Runtime.InteropServices;

namespace Agents.Cli.Commands;

/// <summary>
/// Stops a long command the way Ctrl+C does (see <see cref="AgentsCommand.RunAsync"/>) on SIGTERM and SIGHUP too, so
/// that a run started in the background (where the shell ignores SIGINT for it) and stopped with <c>kill PID</c> or by a
/// closed terminal still saves its checkpoint. SIGHUP is left ignored when the process started with it ignored
/// (<c>nohup</c>): catching it would undo what nohup is for. Dispose to restore the default handling.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly List<PosixSignalRegistration> registrations = [];
    private int received;

    /// <summary>Starts listening; the token is also cancelled by <paramref name="interrupt"/> (Ctrl+C).</summary>
    public StopSignals(CancellationToken interrupt)
    {
        source = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        Listen(PosixSignal.SIGTERM);
        if (!IgnoredAtStart(SignalNumber(PosixSignal.SIGHUP)))
        {
            Listen(PosixSignal.SIGHUP);
        }
    }

    /// <summary>Cancelled by Ctrl+C, SIGTERM or SIGHUP.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>What stopped the command: "SIGTERM", "SIGHUP", or "Ctrl+C" (also when nothing did yet).</summary>
    public string Cause => received == 0 ? "Ctrl+C" : received == SignalNumber(PosixSignal.SIGTERM) ? "SIGTERM" : "SIGHUP";

    /// <summary>The shell's exit code for the cause: 128 + the signal's number (130 for Ctrl+C, 143 for SIGTERM, 129 for SIGHUP).</summary>
    public int ExitCode => 128 + (received == 0 ? 2 : received);

    /// <summary>Stops listening (the signals get their default handling back).</summary>
    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        source.Dispose();
    }

    private void Listen(PosixSignal signal)
    {
        try
        {
            registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Keep the process alive: the command ends by itself once it has saved its work.
                context.Cancel = true;
                Interlocked.CompareExchange(ref received, SignalNumber(context.Signal), 0);
                source.Cancel();
            }));
        }
        catch (PlatformNotSupportedException)
        {
            // Not every platform has every signal; Ctrl+C still stops the command.
        }
    }

    private static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        _ => 15,
    };

    /// <summary>True when the signal was ignored when the process started (Linux lists ignored signals in /proc/self/status).</summary>
    private static bool IgnoredAtStart(int number)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line is not null
                && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
                && (mask & (1UL << (number - 1))) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
