using System.Globalization;
using System.Text.Json;

namespace Agents.Runtime.Training;

/// <summary>training.jsonl: one JSON object per optimiser step (snake_case), appended and flushed as the run goes.</summary>
public static class MetricsLog
{
    private static readonly HashSet<string> StepFields = ["step", "total_steps", "loss", "lr", "grad_norm", "tokens", "tokens_per_second", "elapsed_seconds", "val_loss"];

    /// <summary>The line for one step.</summary>
    public static string ToLine(TrainingProgress p)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("step", p.Step);
            json.WriteNumber("total_steps", p.TotalSteps);
            json.WriteNumber("loss", p.Loss);
            json.WriteNumber("lr", p.LearningRate);
            json.WriteNumber("grad_norm", p.GradientNorm);
            json.WriteNumber("tokens", p.Tokens);
            json.WriteNumber("tokens_per_second", Math.Round(p.TokensPerSecond, 1));
            json.WriteNumber("elapsed_seconds", Math.Round(p.Elapsed.TotalSeconds, 3));
            if (p.ValidationLoss is { } validation)
            {
                json.WriteNumber("val_loss", validation);
            }

            foreach (var (name, value) in p.Metrics ?? new Dictionary<string, double>())
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads the lines of a log back (for resuming), keeping steps up to <paramref name="lastStep"/>.</summary>
    public static List<TrainingProgress> Read(string path, int lastStep)
    {
        var result = new List<TrainingProgress>();
        if (!File.Exists(path))
        {
            return result;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var step = root.GetProperty("step").GetInt32();
            if (step > lastStep)
            {
                break;
            }

            result.Add(new TrainingProgress(
                step,
                root.GetProperty("total_steps").GetInt32(),
                root.GetProperty("loss").GetDouble(),
                root.GetProperty("lr").GetDouble(),
                root.GetProperty("grad_norm").GetDouble(),
                root.GetProperty("tokens").GetInt64(),
                root.GetProperty("tokens_per_second").GetDouble(),
                TimeSpan.FromSeconds(root.GetProperty("elapsed_seconds").GetDouble()),
                TimeSpan.Zero,
                root.TryGetProperty("val_loss", out var v) ? v.GetDouble() : null,
                ObjectiveMetrics(root)));
        }

        return result;
    }

    /// <summary>The numbers of a line beyond the fields every step has: an objective's figures (see <see cref="TrainingProgress.Metrics"/>).</summary>
    private static Dictionary<string, double>? ObjectiveMetrics(JsonElement line)
    {
        var figures = line.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number && !StepFields.Contains(p.Name))
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
        return figures.Count > 0 ? figures : null;
    }

    /// <summary>Rewrites the log with exactly <paramref name="history"/>.</summary>
    public static void Write(string path, IEnumerable<TrainingProgress> history) =>
        File.WriteAllLines(path, history.Select(ToLine));

    /// <summary>Formats a number the way the log does.</summary>
    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
