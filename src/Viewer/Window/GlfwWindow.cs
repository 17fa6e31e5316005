using System.Runtime.InteropServices;
using Agents.Viewer.App;
using SkiaSharp;

namespace Agents.Viewer.Window;

/// <summary>
/// A desktop window from the system's GLFW, drawn by SkiaSharp on its OpenGL context (or, when Skia's GL backend
/// cannot start, on a CPU raster uploaded each frame). Immediate-mode like raylib: <see cref="BeginFrame"/>, draw on
/// the canvas, <see cref="EndFrame"/>. Input arrives in <see cref="Input"/>. Every call must come from the thread that
/// opened it.
/// </summary>
public sealed class GlfwWindow : IViewerWindow
{
    private readonly IntPtr _handle;
    private readonly Gl _gl;
    private readonly GRContext? _context;
    // The delegates are kept in fields so the GC does not collect them while GLFW holds their pointers.
    private readonly Glfw.KeyCallback _onKey;
    private readonly Glfw.CharCallback _onChar;
    private readonly Glfw.MouseButtonCallback _onButton;
    private readonly Glfw.CursorPosCallback _onCursor;
    private readonly Glfw.ScrollCallback _onScroll;
    private GRBackendRenderTarget? _target;
    private SKSurface? _surface;
    private SKBitmap? _raster;
    private SKCanvas? _rasterCanvas;
    private bool _captureNext;
    private SKBitmap? _capture;
    private float _mouseX, _mouseY;
    private float _pixelsPerPoint = 1;
    private bool _disposed;

    private GlfwWindow(IntPtr handle, bool forceRaster)
    {
        _handle = handle;
        _gl = Gl.Load();
        if (!forceRaster)
        {
            try
            {
                // Names starting with "egl" must resolve to null, or Skia probes EGL on a GLX context and crashes.
                using var glInterface = GRGlInterface.Create(name => name.StartsWith("egl", StringComparison.Ordinal) ? IntPtr.Zero : Glfw.GetProcAddress(name));
                _context = glInterface is null ? null : GRContext.CreateGl(glInterface);
            }
            catch (Exception ex) when (ex is InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
            {
                _context = null;
            }
        }

        Backend = _context is null ? "raster" : "gl";
        _onKey = OnKey;
        _onChar = OnChar;
        _onButton = OnButton;
        _onCursor = OnCursor;
        _onScroll = OnScroll;
        Glfw.SetKeyCallback(handle, _onKey);
        Glfw.SetCharCallback(handle, _onChar);
        Glfw.SetMouseButtonCallback(handle, _onButton);
        Glfw.SetCursorPosCallback(handle, _onCursor);
        Glfw.SetScrollCallback(handle, _onScroll);
    }

    /// <summary>"gl" when Skia draws on the window's GL context, "raster" when it draws on the CPU.</summary>
    public string Backend { get; }

    /// <summary>Input events since the last frame, in framebuffer pixels; tests and hosts may post their own.</summary>
    public InputQueue Input { get; } = new();

    /// <summary>Framebuffer width in pixels.</summary>
    public int Width { get; private set; }

    /// <summary>Framebuffer height in pixels.</summary>
    public int Height { get; private set; }

    /// <summary>True once the user closed the window or <see cref="Close"/> was called.</summary>
    public bool ShouldClose => Glfw.WindowShouldClose(_handle) != 0;

    /// <summary>Opens a window (needs a display: DISPLAY set, e.g. Xvfb).</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="title">The title bar text.</param>
    /// <param name="forceRaster">Draw on a CPU raster even when Skia's GL backend works.</param>
    /// <exception cref="WindowException">GLFW or the display is missing, or the window could not be made.</exception>
    public static GlfwWindow Open(int width, int height, string title, bool forceRaster = false)
    {
        try
        {
            // An X server resets when its last client leaves (as after the previous window closed) and refuses
            // connections meanwhile: try again for a moment before giving up.
            var initialised = Glfw.Init() != 0;
            for (var attempt = 0; !initialised && attempt < 30; attempt++)
            {
                Thread.Sleep(100);
                initialised = Glfw.Init() != 0;
            }

            if (!initialised)
            {
                throw new WindowException($"GLFW could not start ({Glfw.LastError()}). Is a display available (DISPLAY={Environment.GetEnvironmentVariable("DISPLAY") ?? "unset"})? Headless, use --png or --frames, or run under xvfb-run.");
            }
        }
        catch (DllNotFoundException ex)
        {
            throw new WindowException($"{Glfw.Library} is not installed (Debian: apt-get install libglfw3). Headless, use --png or --frames.", ex);
        }

        Glfw.WindowHint(Glfw.StencilBits, 8);
        var handle = Glfw.CreateWindow(width, height, title, IntPtr.Zero, IntPtr.Zero);
        if (handle == IntPtr.Zero)
        {
            var error = Glfw.LastError();
            Glfw.Terminate();
            throw new WindowException($"GLFW could not open a {width}x{height} window with OpenGL: {error}.");
        }

        Glfw.MakeContextCurrent(handle);
        Glfw.SwapInterval(1);
        var window = new GlfwWindow(handle, forceRaster);
        window.UpdateSize();
        return window;
    }

    /// <summary>Starts a frame and returns the canvas to draw it on (valid until <see cref="EndFrame"/>).</summary>
    public SKCanvas BeginFrame()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        UpdateSize();
        if (_context is not null)
        {
            return _surface!.Canvas;
        }

        return _rasterCanvas!;
    }

    /// <summary>Asks the next <see cref="EndFrame"/> to read the finished frame back (see <see cref="TakeCapture"/>).</summary>
    public void CaptureNextFrame() => _captureNext = true;

    /// <summary>The frame read back by the last capturing <see cref="EndFrame"/>, or null; the caller disposes it.</summary>
    public SKBitmap? TakeCapture()
    {
        var capture = _capture;
        _capture = null;
        return capture;
    }

    /// <summary>Shows the frame (flush, swap buffers) and collects input events.</summary>
    public void EndFrame()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_context is not null)
        {
            _surface!.Canvas.Flush();
            _context.Flush();
        }
        else
        {
            UploadRaster();
        }

        if (_captureNext)
        {
            _captureNext = false;
            _capture?.Dispose();
            _capture = ReadBackBuffer();
        }

        Glfw.SwapBuffers(_handle);
        Glfw.PollEvents();
    }

    /// <summary>Asks the window to close; <see cref="ShouldClose"/> becomes true.</summary>
    public void Close() => Glfw.SetWindowShouldClose(_handle, 1);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _surface?.Dispose();
        _target?.Dispose();
        _context?.Dispose();
        _rasterCanvas?.Dispose();
        _raster?.Dispose();
        _capture?.Dispose();
        Glfw.DestroyWindow(_handle);
        Glfw.Terminate();
    }

    private void UpdateSize()
    {
        Glfw.GetFramebufferSize(_handle, out var w, out var h);
        Glfw.GetWindowSize(_handle, out var pointsWide, out _);
        w = Math.Max(1, w);
        h = Math.Max(1, h);
        // On high-DPI screens the framebuffer has more pixels than the window has points; input is scaled to pixels.
        _pixelsPerPoint = pointsWide > 0 ? w / (float)pointsWide : 1;
        if (w == Width && h == Height && (_surface is not null || _raster is not null))
        {
            return;
        }

        Width = w;
        Height = h;
        _gl.Viewport(0, 0, w, h);
        if (_context is not null)
        {
            _surface?.Dispose();
            _target?.Dispose();
            const uint Rgba8 = 0x8058;
            _target = new GRBackendRenderTarget(w, h, 0, 8, new GRGlFramebufferInfo(0, Rgba8));
            _surface = SKSurface.Create(_context, _target, GRSurfaceOrigin.BottomLeft, SKColorType.Rgba8888)
                ?? throw new WindowException($"Skia could not make a {w}x{h} surface on the window's framebuffer.");
        }
        else
        {
            _rasterCanvas?.Dispose();
            _raster?.Dispose();
            _raster = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
            _rasterCanvas = new SKCanvas(_raster);
        }
    }

    private void UploadRaster()
    {
        _rasterCanvas!.Flush();
        if (_gl.DrawPixels is null || _gl.WindowPos2i is null || _gl.PixelZoom is null)
        {
            return;
        }

        // Rows go top-down in the bitmap and bottom-up in GL: start at the top and zoom -1 vertically.
        _gl.PixelStorei(Gl.UnpackAlignment, 4);
        _gl.WindowPos2i(0, Height);
        _gl.PixelZoom(1, -1);
        _gl.DrawPixels(Width, Height, Gl.Rgba, Gl.UnsignedByte, _raster!.GetPixels());
        _gl.PixelZoom(1, 1);
    }

    private SKBitmap ReadBackBuffer()
    {
        var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var rowBytes = Width * 4;
        var pixels = new byte[rowBytes * Height];
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            _gl.PixelStorei(Gl.PackAlignment, 4);
            _gl.ReadPixels(0, 0, Width, Height, Gl.Rgba, Gl.UnsignedByte, handle.AddrOfPinnedObject());
        }
        finally
        {
            handle.Free();
        }

        // GL reads bottom-up; flip into the bitmap's top-down rows.
        var target = bitmap.GetPixels();
        for (var y = 0; y < Height; y++)
        {
            Marshal.Copy(pixels, (Height - 1 - y) * rowBytes, target + (y * rowBytes), rowBytes);
        }

        return bitmap;
    }

    private void OnKey(IntPtr window, int key, int scancode, int action, int mods)
    {
        if (action != Glfw.Press && action != Glfw.Repeat)
        {
            return;
        }

        var mapped = key switch
        {
            Glfw.KeyEscape => ViewerKey.Escape,
            Glfw.KeyTab => ViewerKey.Tab,
            Glfw.KeyLeft => ViewerKey.Left,
            Glfw.KeyRight => ViewerKey.Right,
            Glfw.KeyUp => ViewerKey.Up,
            Glfw.KeyDown => ViewerKey.Down,
            Glfw.KeyHome => ViewerKey.Home,
            Glfw.KeyEnd => ViewerKey.End,
            _ => ViewerKey.None,
        };
        if (mapped != ViewerKey.None)
        {
            Input.Post(InputEvent.Press(mapped, (mods & Glfw.ModShift) != 0));
        }
    }

    private void OnChar(IntPtr window, uint codepoint)
    {
        if (codepoint < 0x10000)
        {
            Input.Post(InputEvent.Typed((char)codepoint));
        }
    }

    private void OnButton(IntPtr window, int button, int action, int mods)
    {
        if (button == 0)
        {
            Input.Post(action == Glfw.Press ? InputEvent.Down(_mouseX, _mouseY) : InputEvent.Up(_mouseX, _mouseY));
        }
    }

    private void OnCursor(IntPtr window, double x, double y)
    {
        (_mouseX, _mouseY) = ((float)x * _pixelsPerPoint, (float)y * _pixelsPerPoint);
        Input.Post(InputEvent.Move(_mouseX, _mouseY));
    }

    private void OnScroll(IntPtr window, double dx, double dy) => Input.Post(InputEvent.Wheel((float)dy, _mouseX, _mouseY));
}
