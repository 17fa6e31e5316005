using System.Globalization;
using Agents.Decisions;

namespace Agents.Minds;

/// <summary>The scripted mind's conversations: turns that may bring up news, and summaries that keep what was heard.</summary>
public sealed partial class ScriptedMind
{
    /// <summary>How the teacher's small talk starts: sentences that begin so are not news.</summary>
    private static readonly string[] SmallTalk =
    [
        "Hi", "Hello", "Good to see", "Oh", "That's", "That sounds", "I hadn't", "Good to hear", "I'm well", "Not bad", "Anyway",
        "Nice to", "See you", "Take care", "Really", "Thanks", "How ", "What are you", "Busy", "Would you", "I'd love", "I'll try",
        "Good talking", "Did you hear", "Have you heard", "Guess what", "By the way", "Same here", "Glad", "Lovely", "Yes,",
    ];

    private const double OwnNewsChance = 0.5;
    private const double OwnPlanChance = 0.1;
    private const double HeardChance = 0.02;
    private const double HeardStep = 0.025;
    private const double FriendFactor = 1.3;

    private static bool IsSmallTalk(string sentence) =>
        sentence.Split(' ').Length < 5 || SmallTalk.Any(s => sentence.StartsWith(s, StringComparison.Ordinal));

    private static string Turn(PromptReader p, Random random)
    {
        var agent = p.Field("Agent") ?? "someone";
        var partner = p.Field("Partner") ?? "friend";
        var first = Speech.FirstName(partner);
        var round = int.TryParse((p.Field("Round") ?? "1").Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 1;
        var max = int.TryParse((p.Field("Round") ?? "1 of 8").Split(' ')[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 8;
        var transcript = p.List("Conversation");
        var memories = p.List("Memories").Select(MemoryLines.Parse).ToList();
        // The agent weighs its news most important first and tells the first it feels like telling.
        var news = News(agent, partner, memories, transcript).Where(n => random.NextDouble() < Chance(n, partner, memories)).Select(n => ((Said, int)?)n).FirstOrDefault();
        var tell = news is not null;

        var parts = new List<string>();
        if (transcript.Count == 0)
        {
            parts.Add(Pick(random, $"Hi {first}!", $"Hello {first}, how are you?", $"Good to see you, {first}.", $"Oh, hi {first}!"));
        }
        else
        {
            var last = transcript[^1];
            var heard = last[(last.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            var invited = DatedEvent.NameIn(heard) is not null && heard.Contains("come?", StringComparison.Ordinal);
            var newsHeard = Speech.Sentences(heard).Where(s => !IsSmallTalk(s)).Select(s => Speech.Parse(s).Core).ToList();
            var known = TextWords.Of(string.Join(' ', memories.Select(x => x.Text)));
            parts.Add(invited ? Pick(random, "I'd love to come if I can.", "That sounds lovely; I'll try to make it.", "Thanks for the invitation, I'll try to come.")
                : newsHeard.Count > 0 && newsHeard.All(s => Speech.Covered(s, known) >= 0.8) ? Pick(random, "Yes, I heard about that too.", "Same here, I know about it.", "Yes, so I've heard.")
                : newsHeard.Count > 0 ? Pick(random, "Oh, I hadn't heard that!", "Really? Thanks for telling me.", "That's interesting news.")
                : Pick(random, "I'm well, thanks.", "Not bad, thanks for asking.", "Good to hear."));
        }

        if (tell)
        {
            var (said, _) = news!.Value;
            if (said.Source is null)
            {
                var invite = said.Core.Contains("invite", StringComparison.OrdinalIgnoreCase) && DatedEvent.NameIn(said.Core) is not null;
                parts.Add(Pick(random, "By the way, ", "Guess what? ", string.Empty) + Sentence(Speech.Clause(said.Core, 120)) + (invite ? " Would you like to come?" : string.Empty));
            }
            else
            {
                parts.Add(Pick(random, "Did you hear? ", "Have you heard? ", "I heard that ") + Sentence(Speech.Clause(Speech.Third(said.Core, said.Source), 120)));
            }
        }
        else if (transcript.Count == 0)
        {
            parts.Add(Pick(random, "How has your day been?", "What are you up to today?", "Busy day?"));
        }

        var end = round >= max || (!tell && transcript.Count >= 1);
        if (end && !tell)
        {
            parts.Add(Pick(random, "Anyway, I should get back to it. See you!", "Take care!", "See you around.", $"Good talking to you, {first}."));
        }

        return $"Say: {PromptBuilder.Cut(string.Join(' ', parts), 240)}\nEnd: {(end ? "yes" : "no")}";
    }

    /// <summary>
    /// The news worth telling <paramref name="partner"/>, most important first (as listed): memories of importance 6 and
    /// up that are not sightings, the agent's own plans or reflections, the partner's own news, what was told to or by
    /// the partner already, or what was said in this conversation.
    /// </summary>
    private static IEnumerable<(Said Said, int Importance)> News(string agent, string partner, List<(int Importance, string Text)> memories, IReadOnlyList<string> transcript)
    {
        var spoken = TextWords.Of(string.Join(' ', transcript));
        var shared = new List<string>();
        foreach (var (_, text) in memories)
        {
            var said = Speech.Parse(text);
            if (said.Source == partner || said.Listener == partner)
            {
                shared.Add(said.Core);
            }
        }

        foreach (var (importance, text) in memories)
        {
            if (importance < 6 || Speech.IsCut(text) || Speech.IsObservation(text) || text.StartsWith("My plan", StringComparison.Ordinal) || text.StartsWith(agent, StringComparison.Ordinal))
            {
                continue;
            }

            var said = Speech.Parse(text);
            if (said.Listener is not null)
            {
                // What the agent told someone it already knows from the memory it told it from.
                continue;
            }

            var words = TextWords.Of(said.Core);
            if (said.Source == partner || said.Listener == partner || said.Core.Contains(partner, StringComparison.Ordinal)
                || Speech.Covered(said.Core, spoken) >= 0.6 || shared.Any(s => Speech.Covered(s, words) >= 0.6))
            {
                continue;
            }

            yield return (said, importance);
        }
    }

    /// <summary>
    /// How likely the agent brings up <paramref name="news"/>: a host inviting people to its event nearly always does;
    /// its own news (a campaign, a plan) often; news heard from others now and then, more the more important it is.
    /// Friends share more than acquaintances: the partner matters when the agent remembers more of them than sightings.
    /// </summary>
    private static double Chance((Said Said, int Importance) news, string partner, List<(int Importance, string Text)> memories)
    {
        var (said, importance) = news;
        var first = Speech.FirstName(partner);
        var friend = memories.Any(m => !Speech.IsObservation(m.Text) && (m.Text.Contains(partner, StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(m.Text, $@"\b{first}\b")));
        var isEvent = DatedEvent.NameIn(said.Core) is not null;
        double chance;
        if (said.Source is null)
        {
            var inviting = isEvent && said.Core.Contains("invite", StringComparison.OrdinalIgnoreCase);
            var attending = isEvent && said.Core.StartsWith("I want to go", StringComparison.Ordinal);
            chance = inviting ? 0.9 : attending ? OwnPlanChance : OwnNewsChance;
        }
        else
        {
            chance = HeardChance + (HeardStep * (importance - 6));
        }

        return Math.Min(1, chance * (friend ? FriendFactor : 1));
    }

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    private static string Summarise(PromptReader p, Random random)
    {
        var agent = p.Field("Agent") ?? "someone";
        var partner = p.Field("Partner") ?? "someone";
        var first = Speech.FirstName(partner);
        var place = (p.Field("Place") ?? "town").Split(':')[0];
        var heard = new List<string>();
        var told = new List<string>();
        foreach (var line in p.List("Conversation"))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var speaker = colon > 0 ? line[..colon] : string.Empty;
            foreach (var sentence in Speech.Sentences(colon > 0 ? line[(colon + 2)..] : line))
            {
                var core = Speech.Parse(sentence).Core.TrimEnd('"');
                if (IsSmallTalk(sentence) && IsSmallTalk(core))
                {
                    continue;
                }

                (speaker == partner ? heard : speaker == agent ? told : heard).Add(core);
            }
        }

        string summary;
        if (heard.Count > 0)
        {
            // What was heard is kept in the third person ("Isabella Rodriguez told me: "Isabella Rodriguez is planning a
            // party""), so a memory quoted later never puts the partner's "I" in the agent's mouth.
            summary = $"{partner} told me: \"{Speech.Third(heard[0], partner)}\"";
            var also = heard.Count > 1 ? Speech.Third(heard[1], partner, named: true) : string.Empty;
            if (heard.Count > 1 && summary.Length + also.Length + first.Length + 15 <= 200)
            {
                summary += $" {first} also said: \"{also}\"";
            }
        }
        else if (told.Count > 0)
        {
            summary = DatedEvent.NameIn(told[0]) is { } topic ? $"I told {partner} about the {topic}." : $"I told {partner}: \"{told[0]}\"";
        }
        else
        {
            summary = $"I chatted with {partner} at {place} about {Pick(random, "how our days are going", "what we have been up to", "our plans for the day")}.";
        }

        var memo = Pick(random, $"I should catch up with {first} again soon.", $"I enjoyed talking with {first}.", $"Nothing in my plans changes after talking with {first}.");
        if (heard.Select(DatedEvent.Find).FirstOrDefault(e => e is not null) is { } e)
        {
            var month = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[e.Month - 1];
            var where = e.Place.Length > 0 ? $" at {e.Place}" : string.Empty;
            memo = $"I want to go to the {e.Name}{where} on {month} {e.Day} from {e.From:HH:mm} to {e.To:HH:mm}.";
        }
        else if (heard.Count > 0)
        {
            memo = Pick(random, $"I want to hear more about what {first} told me.", $"I should keep in mind what {first} told me.");
        }

        return $"Summary: {PromptBuilder.Cut(summary, 300)}\nMemo: {PromptBuilder.Cut(memo, 200)}";
    }
}
