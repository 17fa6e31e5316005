using Agents.Runtime.Native;
using TorchSharp;

namespace Agents.Runtime.Devices;

/// <summary>Turns the user's --device and --dtype choices into torch devices and element types.</summary>
public static class DeviceSelector
{
    /// <summary>Resolves "auto" (CUDA when present, else CPU), "cpu", "cuda" or "cuda:N".</summary>
    /// <exception cref="RuntimeOptionException">The text is none of those, or CUDA is asked for and not present.</exception>
    public static torch.Device Resolve(string device)
    {
        TorchNative.EnsureLoaded();
        var text = device.Trim().ToLowerInvariant();
        if (text == "auto")
        {
            return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        }

        if (text == "cpu")
        {
            return torch.CPU;
        }

        if (text == "cuda" || text.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
            {
                throw new RuntimeOptionException(
                    $"--device {device}: CUDA is not available in this build (the TorchSharp-cpu package is referenced, or no GPU is present); use --device cpu or auto.");
            }

            var index = text == "cuda" ? 0 : int.TryParse(text[5..], out var n) && n >= 0 ? n
                : throw new RuntimeOptionException($"--device {device}: expected cuda:N with N a GPU number, found \"{text[5..]}\".");
            return index < torch.cuda.device_count()
                ? torch.device(DeviceType.CUDA, index)
                : throw new RuntimeOptionException($"--device {device}: only {torch.cuda.device_count()} GPU(s) are present.");
        }

        throw new RuntimeOptionException($"--device: expected auto, cpu, cuda or cuda:N, found \"{device}\".");
    }

    /// <summary>True for "bf16", false for "fp32".</summary>
    /// <exception cref="RuntimeOptionException">The text is neither.</exception>
    public static bool IsBf16(string dtype) => dtype.Trim().ToLowerInvariant() switch
    {
        "fp32" or "float32" => false,
        "bf16" or "bfloat16" => true,
        _ => throw new RuntimeOptionException($"--dtype: expected fp32 or bf16, found \"{dtype}\"."),
    };
}
