using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;

namespace Agents.Runtime.Native;

/// <summary>
/// Makes TorchSharp's native library load on this machine before the first torch call. On Linux, when the system's
/// libstdc++ lacks GLIBCXX_3.4.32 (which libLibTorchSharp.so of TorchSharp 0.107.0 asks for, for one unused
/// symbol), the copy of libLibTorchSharp.so beside the app gets that requirement marked weak. Thread-safe; runs once.
/// </summary>
public static class TorchNative
{
    /// <summary>The library whose version requirement is relaxed.</summary>
    public const string StdCppLibrary = "libstdc++.so.6";

    /// <summary>The version TorchSharp 0.107.0's native library asks for and Debian 12 lacks.</summary>
    public const string MissingVersion = "GLIBCXX_3.4.32";

    private const string NativeFileName = "libLibTorchSharp.so";

    private static readonly Lazy<Exception?> LoadFailure = new(TryLoad, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when torch is usable in this process (loads it on first call).</summary>
    public static bool IsAvailable => LoadFailure.Value is null;

    /// <summary>Loads torch, or throws <see cref="TorchUnavailableException"/> saying why it cannot. Every runtime entry point calls this first.</summary>
    public static void EnsureLoaded()
    {
        if (LoadFailure.Value is { } failure)
        {
            throw Unavailable(failure);
        }
    }

    /// <summary>The exception every runtime entry point throws when torch cannot load for <paramref name="failure"/>.</summary>
    internal static TorchUnavailableException Unavailable(Exception failure) =>
        new($"TorchSharp native library could not be loaded: {failure.Message}; the rest of the framework works without it.", failure);

    /// <summary>The copies of libLibTorchSharp.so that this app would load, in the order the loader looks.</summary>
    public static IReadOnlyList<string> CandidateNativeLibraries()
    {
        var directories = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native"),
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"),
            AppContext.BaseDirectory,
        };
        var assemblyDirectory = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDirectory))
        {
            directories.Add(assemblyDirectory);
        }

        return directories
            .Select(d => Path.GetFullPath(Path.Combine(d, NativeFileName)))
            .Distinct(StringComparer.Ordinal)
            .Where(File.Exists)
            .Where(p => !p.Replace('\\', '/').Contains("/.nuget/packages/", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>True when the system's libstdc++ (the one this process loads) defines <see cref="MissingVersion"/>.</summary>
    public static bool SystemStdCppHasMissingVersion()
    {
        var path = FindLoadedStdCpp();
        if (path is null)
        {
            return false;
        }

        var needle = Encoding.ASCII.GetBytes(MissingVersion + "\0");
        return File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0;
    }

    private static Exception? TryLoad()
    {
        try
        {
            if (OperatingSystem.IsLinux() && !SystemStdCppHasMissingVersion())
            {
                foreach (var library in CandidateNativeLibraries())
                {
                    try
                    {
                        ElfVersionPatcher.MakeVersionWeak(library, StdCppLibrary, MissingVersion);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        return new InvalidOperationException(
                            $"{library} needs {MissingVersion}, which the system's {StdCppLibrary} lacks, and it could not be patched ({ex.Message})", ex);
                    }
                }
            }

            torch.InitializeDeviceType(DeviceType.CPU);
            using var probe = torch.ones(2);
            return Math.Abs(probe.sum().item<float>() - 2f) < 1e-6 ? null : new InvalidOperationException("a probe computation gave a wrong result");
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static string? FindLoadedStdCpp()
    {
        if (NativeLibrary.TryLoad(StdCppLibrary, out _) && File.Exists("/proc/self/maps"))
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var at = line.IndexOf('/');
                if (at >= 0 && Path.GetFileName(line[at..].Trim()).StartsWith(StdCppLibrary, StringComparison.Ordinal))
                {
                    return line[at..].Trim();
                }
            }
        }

        string[] known = ["/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6"];
        return known.FirstOrDefault(File.Exists);
    }
}
