using System.Runtime.InteropServices;

namespace Agents.Viewer.Window;

/// <summary>The few GLFW 3 entry points the viewer needs, from the system's libglfw.so.3 (Debian: libglfw3).</summary>
internal static class Glfw
{
    public const string Library = "libglfw.so.3";

    public const int Visible = 0x00020004;
    public const int StencilBits = 0x00021006;
    public const int Press = 1;
    public const int Repeat = 2;
    public const int ModShift = 0x0001;

    public const int KeyEscape = 256;
    public const int KeyTab = 258;
    public const int KeyRight = 262;
    public const int KeyLeft = 263;
    public const int KeyDown = 264;
    public const int KeyUp = 265;
    public const int KeyHome = 268;
    public const int KeyEnd = 269;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void KeyCallback(IntPtr window, int key, int scancode, int action, int mods);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void CharCallback(IntPtr window, uint codepoint);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void MouseButtonCallback(IntPtr window, int button, int action, int mods);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void CursorPosCallback(IntPtr window, double x, double y);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void ScrollCallback(IntPtr window, double dx, double dy);

    [DllImport(Library, EntryPoint = "glfwInit")]
    public static extern int Init();

    [DllImport(Library, EntryPoint = "glfwTerminate")]
    public static extern void Terminate();

    [DllImport(Library, EntryPoint = "glfwGetError")]
    public static extern int GetError(out IntPtr description);

    [DllImport(Library, EntryPoint = "glfwWindowHint")]
    public static extern void WindowHint(int hint, int value);

    [DllImport(Library, EntryPoint = "glfwCreateWindow")]
    public static extern IntPtr CreateWindow(int width, int height, [MarshalAs(UnmanagedType.LPUTF8Str)] string title, IntPtr monitor, IntPtr share);

    [DllImport(Library, EntryPoint = "glfwDestroyWindow")]
    public static extern void DestroyWindow(IntPtr window);

    [DllImport(Library, EntryPoint = "glfwMakeContextCurrent")]
    public static extern void MakeContextCurrent(IntPtr window);

    [DllImport(Library, EntryPoint = "glfwSwapInterval")]
    public static extern void SwapInterval(int interval);

    [DllImport(Library, EntryPoint = "glfwWindowShouldClose")]
    public static extern int WindowShouldClose(IntPtr window);

    [DllImport(Library, EntryPoint = "glfwSetWindowShouldClose")]
    public static extern void SetWindowShouldClose(IntPtr window, int value);

    [DllImport(Library, EntryPoint = "glfwPollEvents")]
    public static extern void PollEvents();

    [DllImport(Library, EntryPoint = "glfwSwapBuffers")]
    public static extern void SwapBuffers(IntPtr window);

    [DllImport(Library, EntryPoint = "glfwGetFramebufferSize")]
    public static extern void GetFramebufferSize(IntPtr window, out int width, out int height);

    [DllImport(Library, EntryPoint = "glfwGetWindowSize")]
    public static extern void GetWindowSize(IntPtr window, out int width, out int height);

    [DllImport(Library, EntryPoint = "glfwGetProcAddress")]
    public static extern IntPtr GetProcAddress([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport(Library, EntryPoint = "glfwSetKeyCallback")]
    public static extern IntPtr SetKeyCallback(IntPtr window, KeyCallback callback);

    [DllImport(Library, EntryPoint = "glfwSetCharCallback")]
    public static extern IntPtr SetCharCallback(IntPtr window, CharCallback callback);

    [DllImport(Library, EntryPoint = "glfwSetMouseButtonCallback")]
    public static extern IntPtr SetMouseButtonCallback(IntPtr window, MouseButtonCallback callback);

    [DllImport(Library, EntryPoint = "glfwSetCursorPosCallback")]
    public static extern IntPtr SetCursorPosCallback(IntPtr window, CursorPosCallback callback);

    [DllImport(Library, EntryPoint = "glfwSetScrollCallback")]
    public static extern IntPtr SetScrollCallback(IntPtr window, ScrollCallback callback);

    /// <summary>The last GLFW error as text, or a fallback.</summary>
    public static string LastError()
    {
        var code = GetError(out var description);
        return code == 0 ? "no GLFW error reported" : $"GLFW error 0x{code:X}: {Marshal.PtrToStringUTF8(description)}";
    }
}
