using Agents.Viewer.App;
using SkiaSharp;

namespace Agents.Viewer.Window;

/// <summary>
/// A window the viewer draws into, in raylib's immediate-mode shape: <see cref="BeginFrame"/> gives a canvas,
/// <see cref="EndFrame"/> shows it and gathers input. <see cref="GlfwWindow"/> is the one here; a raylib backend
/// could implement the same. Every call from the thread that opened the window.
/// </summary>
public interface IViewerWindow : IDisposable
{
    /// <summary>Input events since the last frame, in framebuffer pixels.</summary>
    InputQueue Input { get; }

    /// <summary>Framebuffer width in pixels.</summary>
    int Width { get; }

    /// <summary>Framebuffer height in pixels.</summary>
    int Height { get; }

    /// <summary>True once the user closed the window.</summary>
    bool ShouldClose { get; }

    /// <summary>Starts a frame; the canvas is valid until <see cref="EndFrame"/>.</summary>
    SKCanvas BeginFrame();

    /// <summary>Shows the frame and collects input.</summary>
    void EndFrame();

    /// <summary>Asks the next <see cref="EndFrame"/> to read the finished frame back.</summary>
    void CaptureNextFrame();

    /// <summary>The frame read back by the last capturing <see cref="EndFrame"/>, or null; the caller disposes it.</summary>
    SKBitmap? TakeCapture();
}
