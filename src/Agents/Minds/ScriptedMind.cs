using Agents.Decisions;

namespace Agents.Minds;

/// <summary>
/// The rule-based teacher: answers every decision type with a plausible reply, deciding only from the rendered
/// prompt (what a model would see), so a model can learn to imitate it. Free text varies with a seed, through a
/// generator seeded by the seed and the prompt, so the same prompt always gets the same reply. Stateless and
/// thread-safe.
/// </summary>
public sealed partial class ScriptedMind : IMind
{
    private readonly int _seed;

    /// <summary>Creates a scripted mind whose phrasing varies with <paramref name="seed"/>.</summary>
    public ScriptedMind(int seed = 0) => _seed = seed;

    /// <inheritdoc />
    public Task<IReadOnlyList<MindReply>> AnswerAsync(IReadOnlyList<IDecision> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var replies = new MindReply[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            replies[i] = new MindReply(Answer(batch[i].Render()));
        }

        return Task.FromResult<IReadOnlyList<MindReply>>(replies);
    }

    /// <summary>The reply to one rendered prompt; the fallback-free heart of the teacher.</summary>
    public string Answer(string prompt)
    {
        var p = new PromptReader(prompt);
        var random = new Random(StableHash.Of(prompt, _seed));
        return p.Type switch
        {
            ImportanceDecision.Name => Importance(p, random),
            DayPlanDecision.Name => DayPlan(p, random),
            HourlyScheduleDecision.Name => HourlySchedule(p, random),
            TaskDecompositionDecision.Name => Decompose(p, random),
            PlaceChoiceDecision.Name => Place(p, random),
            ObjectStateDecision.Name => ObjectState(p),
            ReactionDecision.Name => React(p, random),
            ConversationTurnDecision.Name => Turn(p, random),
            ConversationSummaryDecision.Name => Summarise(p, random),
            FocalQuestionsDecision.Name => FocalQuestions(p, random),
            InsightsDecision.Name => Insights(p),
            InterviewDecision.Name => Interview(p, random),
            Tools.ReActStepDecision.Name => ReActStep(p),
            _ => string.Empty,
        };
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    private static readonly string[] NewsWords =
    [
        "party", "valentine", "mayor", "election", "wedding", "birthday", "married", "died", "pregnant", "engaged", "invite",
        "running for", "exhibition", "celebration", "festival", "concert",
    ];

    /// <summary>
    /// Sleep is the least poignant; sightings of others stay mundane (a little more when they involve an event); news
    /// of events and elections in what the agent was told, plans or thinks is the most; talk and plans sit between.
    /// </summary>
    private static string Importance(PromptReader p, Random random)
    {
        var text = p.Field("Memory") ?? string.Empty;
        var memory = text.ToLowerInvariant();
        var news = ContainsAny(memory, NewsWords);
        int score;
        if (memory.StartsWith("my plan", StringComparison.Ordinal))
        {
            score = 3 + random.Next(2) + (news ? 1 : 0);
        }
        else if (memory.Contains("sleep", StringComparison.Ordinal) || memory.Contains(" is idle", StringComparison.Ordinal))
        {
            score = 1;
        }
        else if (Speech.IsObservation(text))
        {
            score = memory.Contains(" is on the way to ", StringComparison.Ordinal) ? 1 + random.Next(2) : 2 + random.Next(2);
            score += news ? 2 : 0;
        }
        else if (Speech.Parse(text).Listener is not null)
        {
            // Having told someone is a record of a talk, not news.
            score = 3 + random.Next(2);
        }
        else if (news)
        {
            score = 7 + random.Next(2);
        }
        else if (Speech.Parse(text).Source is not null)
        {
            score = 5 + random.Next(2);
        }
        else if (ContainsAny(memory, "talked with", "chatted with", "conversation", "plan", "want to", "would like", "love", "worried", "exam"))
        {
            score = 3 + random.Next(3);
        }
        else
        {
            score = 2 + random.Next(2);
        }

        return score.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ObjectState(PromptReader p)
    {
        var task = (p.Field("Task") ?? string.Empty).ToLowerInvariant();
        var obj = (p.Field("Object") ?? string.Empty).ToLowerInvariant();
        if (task.Contains("sleep", StringComparison.Ordinal))
        {
            return "being slept in";
        }

        if (task.Contains("coffee", StringComparison.Ordinal))
        {
            return "brewing coffee";
        }

        if (obj.Contains("stove", StringComparison.Ordinal) || obj.Contains("oven", StringComparison.Ordinal))
        {
            return task.Contains("bake", StringComparison.Ordinal) ? "baking" : "cooking";
        }

        var words = task.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => char.IsAsciiLetterLower(c) || c == '\'').ToArray()))
            .Where(w => w.Length > 0)
            .Take(4);
        var phrase = string.Join(' ', words);
        return phrase.Length == 0 ? "in use" : "in use for " + phrase;
    }

    private static string React(PromptReader p, Random random)
    {
        var observed = (p.Field("Observed") ?? string.Empty).ToLowerInvariant();
        var doing = (p.Field("Doing") ?? string.Empty).ToLowerInvariant();
        var other = p.Field("Other") ?? string.Empty;
        if (ContainsAny(observed, "sleep", "bed") || ContainsAny(doing, "sleep"))
        {
            return "continue";
        }

        var memories = p.List("Memories").Select(m => MemoryLines.Parse(m)).ToList();
        var knows = other.Length > 0 && memories.Any(m => m.Text.Contains(other, StringComparison.Ordinal) && !m.Text.StartsWith(other + " is ", StringComparison.Ordinal));
        var hasNews = memories.Any(m => m.Importance >= 6);
        var chance = (knows ? 0.25 : 0.2) + (hasNews ? 0.05 : 0);
        if (random.NextDouble() < chance)
        {
            return "talk";
        }

        return observed.Contains(" is using ", StringComparison.Ordinal) && random.NextDouble() < 0.5 ? "wait" : "continue";
    }

    private static bool ContainsAny(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
