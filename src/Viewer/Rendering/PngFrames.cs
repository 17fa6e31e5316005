using Agents.Viewer.Scene;
using SkiaSharp;

namespace Agents.Viewer.Rendering;

/// <summary>Renders scenes to PNG files headless (CPU raster). Thread-safe only with one renderer per thread.</summary>
public static class PngFrames
{
    /// <summary>Renders <paramref name="scene"/> into a new bitmap of the given size; the caller disposes it.</summary>
    public static SKBitmap RenderBitmap(SceneRenderer renderer, SceneState scene, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        renderer.Render(canvas, scene, width, height);
        canvas.Flush();
        return bitmap;
    }

    /// <summary>Renders <paramref name="scene"/> and writes it as a PNG file (its folder is created).</summary>
    public static void Write(SceneRenderer renderer, SceneState scene, int width, int height, string path)
    {
        using var bitmap = RenderBitmap(renderer, scene, width, height);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
