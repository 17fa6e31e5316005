using Agents.Decisions;

namespace Agents.Minds;

/// <summary>The scripted mind's social side: conversation turns that bring up news, summaries, reflection, interviews.</summary>
public sealed partial class ScriptedMind
{
    private static readonly string[] SmallTalk = ["Hi", "Hello", "Good to see", "That's", "Oh", "I didn't", "Good to hear", "I'm well", "Anyway", "Nice to", "See you", "Take care", "Interesting", "Really"];

    private static string Turn(PromptReader p, Random random)
    {
        var partner = p.Field("Partner") ?? "friend";
        var round = int.TryParse((p.Field("Round") ?? "1").Split(' ')[0], out var r) ? r : 1;
        var max = int.TryParse((p.Field("Round") ?? "1 of 8").Split(' ')[^1], out var m) ? m : 8;
        var transcript = p.List("Conversation");
        var said = string.Join('\n', transcript);
        var news = p.List("Memories")
            .Select(MemoryLines.Parse)
            .Where(x => x.Importance >= 6 && !x.Text.StartsWith(partner + " is ", StringComparison.Ordinal))
            .Select(x => x.Text)
            .FirstOrDefault(text => !said.Contains(Head(Relayed(text).Core), StringComparison.Ordinal));

        var parts = new List<string>();
        if (transcript.Count == 0)
        {
            parts.Add(Pick(random, $"Hi {partner}!", $"Good to see you, {partner}.", $"Hello {partner}, how are you?"));
        }
        else
        {
            var last = transcript[^1];
            parts.Add(last.Length > 60
                ? Pick(random, "Oh, interesting!", "I didn't know that.", "That's good to hear.", "Really? Thanks for telling me.")
                : Pick(random, "I'm well, thanks.", "Nice to see you too.", "Good to hear."));
        }

        if (news is not null)
        {
            var (source, core) = Relayed(news);
            parts.Add(source is null ? core : Pick(random, "Did you hear? ", "Have you heard? ", "News: ") + source + " said: \"" + core + "\"");
        }

        var end = round >= max || (news is null && transcript.Count >= 1);
        if (end && news is null)
        {
            parts.Add(Pick(random, "Anyway, I should get back to it. See you!", "Take care!", "See you around."));
        }

        return $"Say: {PromptBuilder.Cut(string.Join(' ', parts), 240)}\nEnd: {(end ? "yes" : "no")}";
    }

    /// <summary>The original speaker and words of a news memory, stripped of relay prefixes; no speaker for one's own memory.</summary>
    private static (string? Source, string Core) Relayed(string text)
    {
        string? source = null;
        var core = text.Trim();
        while (true)
        {
            var told = TellPrefix.Match(core);
            if (told.Success)
            {
                source = told.Groups[1].Value;
                core = core[told.Length..].Trim();
                continue;
            }

            var said = SaidQuote.Match(core);
            if (said.Success)
            {
                source = said.Groups[1].Value;
                core = said.Groups[2].Value.Trim();
                continue;
            }

            var mind = KeepsInMind.Match(core);
            if (mind.Success)
            {
                core = core[mind.Length..].Trim();
                continue;
            }

            var opener = Openers.FirstOrDefault(o => core.StartsWith(o, StringComparison.Ordinal));
            if (opener is not null)
            {
                core = core[opener.Length..].Trim();
                continue;
            }

            return (source, core);
        }
    }


    private static string Head(string text) => text.Length <= 40 ? text : text[..40];

    private static string Summarise(PromptReader p, Random random)
    {
        var partner = p.Field("Partner") ?? "someone";
        var place = p.Field("Place") ?? "town";
        var heard = new List<string>();
        foreach (var line in p.List("Conversation").Where(l => l.StartsWith(partner + ": ", StringComparison.Ordinal)))
        {
            foreach (var sentence in Sentences(line[(partner.Length + 2)..]))
            {
                if (sentence.Split(' ').Length >= 5 && !SmallTalk.Any(s => sentence.StartsWith(s, StringComparison.Ordinal)))
                {
                    // Keep who first said it and their words, not the chain of who told whom.
                    var (source, core) = Relayed(sentence);
                    heard.Add(source is null ? core : $"{source} said: \"{core.TrimEnd('"')}\"");
                }
            }
        }

        var summary = heard.Count == 0
            ? $"I talked with {partner} at {place} about how our days are going."
            : $"{partner} told me at {place}: {string.Join(' ', heard)}";
        var memo = Pick(random, $"I should see {partner} again soon.", $"I enjoyed talking with {partner}.", $"{partner} is good company.");
        foreach (var sentence in heard)
        {
            if (ScriptedEvent.Find(sentence) is { } e)
            {
                var month = System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[e.Month - 1];
                memo = $"I want to {e.Activity} on {month} {e.Day} from {e.From:H:mm} to {e.To:H:mm}.";
                break;
            }
        }

        return $"Summary: {PromptBuilder.Cut(PromptBuilder.OneLine(summary, 400), 300)}\nMemo: {PromptBuilder.Cut(memo, 200)}";
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] is '.' or '!' or '?') && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        if (start < text.Length && text[start..].Trim() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }

    private static string FocalQuestions(PromptReader p, Random random)
    {
        var agent = p.Field("Agent") ?? "the agent";
        var top = p.List("Memories").Select(MemoryLines.Parse).OrderByDescending(x => x.Importance).Select(x => x.Text).Distinct().Take(3).ToList();
        var questions = new List<string>();
        foreach (var text in top)
        {
            var words = text.TrimEnd('.').Split(' ');
            var gist = string.Join(' ', words.Take(10));
            questions.Add(Pick(random, $"What does {agent} make of this: {gist}?", $"How does {agent} feel about this: {gist}?"));
        }

        while (questions.Count < 3)
        {
            questions.Add(questions.Count == 0 ? $"What matters most to {agent} right now?" : questions.Count == 1 ? $"Whom has {agent} spent time with lately?" : $"What is {agent} planning?");
        }

        return string.Join('\n', questions.Select((q, i) => $"{i + 1}. {q}"));
    }

    private static string Insights(PromptReader p)
    {
        var agent = p.Field("Agent") ?? "the agent";
        var question = TextWords.Of(p.Field("Question") ?? string.Empty);
        var memories = p.List("Memories");
        var ranked = memories.Select((line, i) => (Index: i + 1, Text: MemoryLines.Parse(line).Text, Score: TextWords.Overlap(question, line)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index).Take(3).ToList();
        if (ranked.Count == 0)
        {
            return $"{agent} has had a quiet time (because of 1)";
        }

        return string.Join('\n', ranked.Select(x => $"{PromptBuilder.Cut($"{agent} keeps in mind that {Lower(x.Text.TrimEnd('.'))}", 160)} (because of {x.Index})"));
    }

    private static string Interview(PromptReader p, Random random)
    {
        var question = TextWords.Of(p.Field("Question") ?? string.Empty);
        var relevant = p.List("Memories").Select(MemoryLines.Parse)
            .Select(x => (x.Text, Score: TextWords.Overlap(question, x.Text)))
            .Where(x => x.Score > 0).OrderByDescending(x => x.Score).Take(2).Select(x => x.Text).ToList();
        if (relevant.Count == 0)
        {
            return "Answer: " + Pick(random, "I don't know much about that.", "I haven't heard anything about that.");
        }

        var sentences = relevant.Select(t => t.StartsWith("I ", StringComparison.Ordinal) ? t : "I remember that " + Lower(t));
        return "Answer: " + string.Join(' ', sentences.Select(s => s.EndsWith('.') ? s : s + "."));
    }

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) && !text.StartsWith("I ", StringComparison.Ordinal) && text.Split(' ')[0] is { } first && !char.IsUpper(first[^1]) && first is "The" or "A" or "An" or "My" or "Our" or "It" or "This" or "That"
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}
