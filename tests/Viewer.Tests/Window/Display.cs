using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Agents.Viewer.Tests.Window;

/// <summary>An X display for window tests: the one in DISPLAY, or an Xvfb this fixture starts (and stops, by its id).</summary>
public sealed class Display : IDisposable
{
    private readonly Process? _xvfb;

    public Display()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")))
        {
            return;
        }

        // -displayfd: Xvfb picks a free display number and prints it once it accepts connections.
        var info = new ProcessStartInfo("Xvfb", ["-displayfd", "1", "-noreset", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _xvfb = Process.Start(info) ?? throw new InvalidOperationException("Xvfb did not start (apt-get install xvfb).");
        _xvfb.ErrorDataReceived += (_, _) => { };
        _xvfb.BeginErrorReadLine();
        var line = _xvfb.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15)).GetAwaiter().GetResult();
        if (!int.TryParse(line, out var number))
        {
            throw new InvalidOperationException($"Xvfb did not report a display (it said \"{line}\").");
        }

        // GLFW reads the native environment, which Environment.SetEnvironmentVariable does not change on Unix.
        Environment.SetEnvironmentVariable("DISPLAY", $":{number}");
        _ = SetEnv("DISPLAY", $":{number}", 1);
    }

    public void Dispose()
    {
        if (_xvfb is null)
        {
            return;
        }

        if (!_xvfb.HasExited)
        {
            _xvfb.Kill();
            _xvfb.WaitForExit(5000);
        }

        _xvfb.Dispose();
        Environment.SetEnvironmentVariable("DISPLAY", null);
        _ = UnsetEnv("DISPLAY");
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "unsetenv")]
    private static extern int UnsetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
