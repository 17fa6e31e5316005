using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agents.Collaboration;

/// <summary>Saves and loads transcripts as JSONL (one turn per line) and prints them. Stateless and thread-safe.</summary>
public static class TranscriptFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes every turn of <paramref name="conversation"/> to <paramref name="path"/>, one JSON object per line.</summary>
    public static void Write(Conversation conversation, string path)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
        {
            foreach (var turn in conversation.Turns)
            {
                writer.Write(JsonSerializer.Serialize(turn, Json));
                writer.Write('\n');
            }
        }

        File.Move(temp, path, true);
    }

    /// <summary>Reads the turns written by <see cref="Write"/>.</summary>
    /// <exception cref="TranscriptFormatException">A line is not a turn; the message names the line.</exception>
    public static IReadOnlyList<Utterance> Read(string path)
    {
        var turns = new List<Utterance>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            Utterance? turn;
            try
            {
                turn = JsonSerializer.Deserialize<Utterance>(line, Json);
            }
            catch (JsonException e)
            {
                throw new TranscriptFormatException($"{path}:{number}: expected a turn as JSON ({e.Message}).");
            }

            if (turn is null || turn.Speaker is null || turn.Text is null)
            {
                throw new TranscriptFormatException($"{path}:{number}: expected a turn with speaker and text.");
            }

            turns.Add(turn);
        }

        return turns;
    }

    /// <summary>A readable transcript of <paramref name="turns"/>.</summary>
    public static string Print(string topic, IReadOnlyList<Utterance> turns, string? stopReason)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var text = new StringBuilder();
        text.Append("Topic: ").Append(topic).Append('\n');
        foreach (var turn in turns)
        {
            text.Append("[round ").Append(turn.Round).Append("] ").Append(turn.Speaker);
            if (turn.Audience is { } audience)
            {
                text.Append(" -> ").Append(string.Join(", ", audience));
            }

            text.Append(":\n");
            foreach (var line in turn.Text.Split('\n'))
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        if (stopReason is not null)
        {
            text.Append("Stopped: ").Append(stopReason).Append('\n');
        }

        return text.ToString();
    }
}
