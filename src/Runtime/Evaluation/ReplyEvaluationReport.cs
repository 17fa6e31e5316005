using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Agents.Runtime.Evaluation;

/// <summary>The evaluation of a model on held-out decisions: a row per decision type and one over all of them.</summary>
/// <param name="Rows">Per decision type, most frequent first.</param>
/// <param name="Overall">All evaluated decisions together (a decision-weighted mean).</param>
/// <param name="Elapsed">Wall time of the evaluation.</param>
public sealed record ReplyEvaluationReport(IReadOnlyList<ReplyScore> Rows, ReplyScore Overall, TimeSpan Elapsed)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>A Markdown table: type, decisions, valid without constraints, exact agreement, similarity, loss.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| decision | n | valid (no constraints) | exact agreement | similarity (word F1) | loss (nats/token) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in Rows.Append(Overall))
        {
            var name = row == Overall ? "**all**" : row.Type;
            var tooLong = row.TooLong > 0 ? $" ({row.TooLong} too long)" : string.Empty;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {row.Count}{tooLong} | {(row.Valid is { } v ? $"{v:P1}" : "n/a")} | {row.Exact:P1} | {row.Similarity:0.000} | {row.Loss:0.000} |"));
        }

        return text.ToString();
    }

    /// <summary>The report as JSON (snake_case).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
