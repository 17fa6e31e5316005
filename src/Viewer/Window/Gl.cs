using System.Runtime.InteropServices;

namespace Agents.Viewer.Window;

/// <summary>The few OpenGL calls the window makes itself (screenshots, the raster fallback), loaded through GLFW.</summary>
internal sealed class Gl
{
    public const uint Rgba = 0x1908;
    public const uint UnsignedByte = 0x1401;
    public const uint ColorBufferBit = 0x4000;
    public const uint PackAlignment = 0x0D05;
    public const uint UnpackAlignment = 0x0CF5;

    private Gl()
    {
        ReadPixels = Load<ReadPixelsFn>("glReadPixels");
        PixelStorei = Load<PixelStoreiFn>("glPixelStorei");
        Viewport = Load<ViewportFn>("glViewport");
        DrawPixels = TryLoad<DrawPixelsFn>("glDrawPixels");
        PixelZoom = TryLoad<PixelZoomFn>("glPixelZoom");
        WindowPos2i = TryLoad<WindowPos2iFn>("glWindowPos2i");
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void ReadPixelsFn(int x, int y, int width, int height, uint format, uint type, IntPtr data);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void PixelStoreiFn(uint name, int value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void ViewportFn(int x, int y, int width, int height);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void DrawPixelsFn(int width, int height, uint format, uint type, IntPtr data);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void PixelZoomFn(float x, float y);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void WindowPos2iFn(int x, int y);

    public ReadPixelsFn ReadPixels { get; }

    public PixelStoreiFn PixelStorei { get; }

    public ViewportFn Viewport { get; }

    public DrawPixelsFn? DrawPixels { get; }

    public PixelZoomFn? PixelZoom { get; }

    public WindowPos2iFn? WindowPos2i { get; }

    /// <summary>Loads the functions of the current context.</summary>
    public static Gl Load() => new();

    private static T Load<T>(string name)
        where T : Delegate =>
        TryLoad<T>(name) ?? throw new InvalidOperationException($"OpenGL function {name} is not available.");

    private static T? TryLoad<T>(string name)
        where T : Delegate
    {
        var address = Glfw.GetProcAddress(name);
        return address == IntPtr.Zero ? null : Marshal.GetDelegateForFunctionPointer<T>(address);
    }
}
