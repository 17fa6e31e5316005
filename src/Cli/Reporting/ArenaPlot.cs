using Agents.Arena;
using ScottPlot;

namespace Agents.Cli.Reporting;

/// <summary>Draws an arena's Bradley-Terry ratings with their 95% bootstrap intervals as a PNG (ScottPlot).</summary>
public static class ArenaPlot
{
    /// <summary>Writes the plot of <paramref name="result"/> to <paramref name="path"/> (best strategy on the left).</summary>
    public static void Save(ArenaResult result, string path, int width = 900, int height = 520)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var board = result.Leaderboard;
        for (var i = 0; i < board.Count; i++)
        {
            var rating = board[i].Rating;
            var interval = plot.Add.Line(i, rating.Lower, i, rating.Upper);
            interval.LineWidth = 3;
            interval.Color = Colors.SteelBlue;
            var marker = plot.Add.Marker(i, rating.Value);
            marker.MarkerSize = 10;
            marker.Color = Colors.DarkBlue;
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, board.Count).Select(i => (double)i).ToArray(), board.Select(s => s.Strategy).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.SetLimitsX(-0.5, board.Count - 0.5);
        plot.Title($"{result.Name}: Bradley-Terry ratings, 95% bootstrap intervals ({result.Items.Count} items)");
        plot.YLabel("rating (400 scale, mean 1000)");
        var temp = path + ".tmp.png";
        plot.SavePng(temp, width, height);
        File.Move(temp, path, overwrite: true);
    }
}
