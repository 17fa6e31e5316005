using System.CommandLine;
using Agents.Cli;
using Agents.Cli.Commands;
using Agents.Viewer.Rendering;
using Agents.World.Runs;
using SkiaSharp;

namespace Agents.Viewer.Tests.Cli;

[Collection(TinyRunCollection.Name)]
public sealed class ViewCommandTests(TinyRun run) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task View_png_writes_the_town_at_the_given_time_with_the_selected_agent()
    {
        var png = _temp["town.png"];
        var (exit, output) = await InvokeAsync(run.Folder, "--png", png, "--at", "08:30", "--select", "Tom Moreno", "--width", "1000", "--height", "700");
        Assert.Equal(0, exit);
        Assert.Contains("2023-02-13 08:30:00", output, StringComparison.Ordinal);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((1000, 700), (bitmap.Width, bitmap.Height));
        var panel = new SceneLayout(1000, 700).Panel;
        Assert.True(Pixels.Count(bitmap, panel, c => Pixels.Near(c, Palette.Highlight, 8)) > 200, "no panel with a highlighted plan item");
        Assert.True(Pixels.Count(bitmap, new SKRect(0, 0, 1000, 700), c => Pixels.Near(c, Palette.AgentColor(1), 4)) > 50, "Tom's disc is missing");
    }

    [Fact]
    public async Task View_frames_writes_one_png_per_every_steps_between_from_and_to()
    {
        var folder = _temp["frames"];
        var (exit, output) = await InvokeAsync(run.Folder, "--frames", folder, "--from", "07:00", "--to", "07:10", "--every", "12", "--width", "320", "--height", "240");
        Assert.Equal(0, exit);
        var files = Directory.GetFiles(folder, "*.png").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(6, files.Length); // 60 steps / 12 + 1
        Assert.Contains("Wrote 6 frames", output, StringComparison.Ordinal);
        Assert.EndsWith("frame-000000.png", files[0], StringComparison.Ordinal);
        foreach (var file in files)
        {
            using var bitmap = SKBitmap.Decode(file);
            Assert.Equal(320, bitmap.Width);
        }
    }

    [Fact]
    public async Task Bad_times_and_options_are_refused_as_user_errors()
    {
        await Assert.ThrowsAsync<RunException>(() => InvokeAsync(run.Folder, "--png", _temp["a.png"], "--at", "teatime"));
        await Assert.ThrowsAsync<CliUsageException>(() => InvokeAsync(run.Folder, "--png", _temp["a.png"], "--frames", _temp["f"]));
        await Assert.ThrowsAsync<CliUsageException>(() => InvokeAsync(run.Folder, "--frames", _temp["f"], "--every", "0"));
        await Assert.ThrowsAsync<CliUsageException>(() => InvokeAsync(run.Folder, "--frames", _temp["f"], "--from", "09:00", "--to", "08:00"));
        await Assert.ThrowsAsync<RunException>(() => InvokeAsync(run.Folder, "--png", _temp["a.png"], "--select", "Nobody"));
        await Assert.ThrowsAsync<RunException>(() => InvokeAsync(_temp.Path, "--png", _temp["a.png"]));
        Assert.False(File.Exists(_temp["a.png"]));
    }

    private static async Task<(int Exit, string Output)> InvokeAsync(params string[] args)
    {
        var root = new Command("agents") { ViewCommand.Create() };
        var parsed = root.Parse(["view", .. args]);
        Assert.Empty(parsed.Errors);
        using var output = new StringWriter();
        var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, EnableDefaultExceptionHandler = false });
        return (exit, output.ToString());
    }
}
