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

        var number = 90 + (Environment.ProcessId % 9);
        var info = new ProcessStartInfo("Xvfb", [$":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _xvfb = Process.Start(info) ?? throw new InvalidOperationException("Xvfb did not start (apt-get install xvfb).");
        var socket = $"/tmp/.X11-unix/X{number}";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!File.Exists(socket) && DateTime.UtcNow < deadline && !_xvfb.HasExited)
        {
            Thread.Sleep(50);
        }

        if (!File.Exists(socket))
        {
            throw new InvalidOperationException($"Xvfb :{number} did not come up.");
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

[CollectionDefinition(Name)]
public sealed class WindowCollection : ICollectionFixture<Display>, ICollectionFixture<TinyRun>
{
    public const string Name = "window";
}
