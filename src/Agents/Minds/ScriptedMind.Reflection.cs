using System.Text.RegularExpressions;
using Agents.Decisions;

namespace Agents.Minds;

/// <summary>The scripted mind's reflection (focal questions and insights that cite their evidence) and interviews.</summary>
public sealed partial class ScriptedMind
{
    private static readonly Regex Person = new(@"^([A-Z][\w'-]*(?: [A-Z][\w'-]*)+) is ", RegexOptions.CultureInvariant);
    private static readonly Regex InUse = new(@"^the .+ is in use by ([A-Z][\w'-]*(?: [A-Z][\w'-]*)+) for (.+)$", RegexOptions.CultureInvariant);
    private static readonly Regex Chatted = new(@"^I chatted with ([A-Z][\w'-]*(?: [A-Z][\w'-]*)+) at ", RegexOptions.CultureInvariant);
    private static readonly Regex Ongoing = new(@"^([A-Z][\w'-]*(?: [A-Z][\w'-]*)+) is (\w+ing\b.*)$", RegexOptions.CultureInvariant);

    /// <summary>What a memory tells about the agent: its kind, the person and event it involves, and a third-person statement.</summary>
    private sealed record Fact(int Number, int Importance, string Kind, string? Person, string? Event, string? Activity, string Core, string Statement);

    private static Fact Read(int number, int importance, string text, string agent)
    {
        var clean = text.TrimEnd('.');
        var said = Speech.Parse(clean);
        var observed = Speech.IsObservation(clean);
        var eventName = observed ? null : DatedEvent.NameIn(said.Core);
        if (said.Source is { } source)
        {
            return new Fact(number, importance, "heard", source, eventName, null, said.Core, $"{agent} heard from {source} that {Speech.Third(said.Core.TrimEnd('.'), source, named: true)}");
        }

        if (said.Listener is { } listener && said.Core.StartsWith("the ", StringComparison.Ordinal))
        {
            return new Fact(number, importance, "told", listener, eventName, null, said.Core, $"{agent} told {listener} about {said.Core.TrimEnd('.')}");
        }

        if (said.Listener is { } told)
        {
            return new Fact(number, importance, "told", told, eventName, null, said.Core, $"{agent} told {told} that {Speech.Third(said.Core.TrimEnd('.'), agent, named: true)}");
        }

        if (Chatted.Match(clean) is { Success: true } chat)
        {
            return new Fact(number, importance, "chatted", chat.Groups[1].Value, null, null, clean, Speech.Third(clean, agent));
        }

        if (observed)
        {
            var use = InUse.Match(clean);
            var who = use.Success ? use.Groups[1].Value : Person.Match(clean).Groups[1].Value;
            var doing = use.Success ? use.Groups[2].Value : Ongoing.Match(clean) is { Success: true } o ? o.Groups[2].Value : null;
            doing = doing is null ? null : Regex.Replace(doing, @" \([a-z ]+\)$", string.Empty);
            return who == agent
                ? new Fact(number, importance, "self", null, null, doing, clean, clean)
                : new Fact(number, importance, "seen", who.Length > 0 ? who : null, DatedEvent.NameIn(clean), doing, clean, clean);
        }

        if (clean.StartsWith(agent, StringComparison.Ordinal))
        {
            return new Fact(number, importance, "thought", null, eventName, null, clean, clean);
        }

        return new Fact(number, importance, "own", null, eventName, null, clean, Speech.Third(clean, agent));
    }

    private static List<Fact> Facts(IReadOnlyList<string> lines, string agent) =>
        [.. lines.Select((line, i) => (i, MemoryLines.Parse(line))).Select(x => Read(x.i + 1, x.Item2.Importance, x.Item2.Text, agent))];

    private static string FocalQuestions(PromptReader p, Random random)
    {
        var agent = p.Field("Agent") ?? "the agent";
        var facts = Facts(p.List("Memories"), agent);
        var topics = new List<(string Topic, double Weight, string Question)>();
        foreach (var f in facts)
        {
            var weight = f.Importance + (0.01 * f.Number);
            if (f.Event is { } e && f.Kind != "seen")
            {
                topics.Add((e, weight + 1, f.Kind == "heard"
                    ? Pick(random, $"Will {agent} go to the {e}?", $"What does {agent} know about the {e}?", $"Who has told {agent} about the {e}?")
                    : Pick(random, $"Will {agent} go to the {e}?", $"What does {agent} expect of the {e}?")));
            }
            else if (f.Kind == "heard" && f.Person is { } source)
            {
                var news = Speech.Third(f.Core, source);
                topics.Add((source, weight, Ongoing.Match(news) is { Success: true } o
                    ? $"What does {agent} think of {o.Groups[1].Value} {Gist(o.Groups[2].Value, 10)}?"
                    : Pick(random, $"What has {agent} heard from {source} lately?", $"How does {agent} feel about what {source} said?")));
            }
            else if (f.Kind is "told" or "chatted" && f.Person is { } friend)
            {
                topics.Add((friend, weight, Pick(random, $"What is {agent}'s relationship with {friend}?", $"How does {agent} feel about {friend}?")));
            }
            else if (f.Kind == "seen" && f.Person is { } seen)
            {
                topics.Add((seen, weight - 1, Pick(random, $"How well does {agent} know {seen}?", $"What does {agent} know about {seen}?")));
            }
            else if (f.Kind == "self" && f.Activity is { } doing && DatedEvent.NameIn(doing) is null)
            {
                topics.Add(("self", weight - 1, Pick(random, $"What is {agent} busy with these days?", $"Why does {agent} spend so much time {Gist(doing, 6)}?")));
            }
        }

        var questions = topics.OrderByDescending(t => t.Weight).DistinctBy(t => t.Topic).Select(t => t.Question).Where(q => q.Length <= 151).Take(3).ToList();
        foreach (var fallback in new[] { $"What matters most to {agent} right now?", $"Whom has {agent} spent time with lately?", $"What is {agent} planning for the coming days?" })
        {
            if (questions.Count < 3 && !questions.Contains(fallback))
            {
                questions.Add(fallback);
            }
        }

        return string.Join('\n', questions.Select((q, i) => $"{i + 1}. {q}"));
    }

    /// <summary>The first clause of a text, at most <paramref name="words"/> words.</summary>
    private static string Gist(string text, int words)
    {
        var clause = text.Split([", ", "; "], StringSplitOptions.None)[0];
        var parts = clause.TrimEnd('.', '?', '!').Split(' ').Take(words).ToList();
        while (parts.Count > 1 && parts[^1] is "at" or "to" or "the" or "of" or "in" or "on" or "for" or "with" or "a" or "an" or "and" or "from" or "by")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join(' ', parts).TrimEnd(',', ';', ':');
    }

    private static string Insights(PromptReader p)
    {
        var agent = p.Field("Agent") ?? "the agent";
        var question = TextWords.Of(p.Field("Question") ?? string.Empty);
        var facts = Facts(p.List("Memories"), agent);
        if (facts.Count == 0)
        {
            return $"{agent} has had a quiet time (because of 1)";
        }

        var candidates = new List<(string Text, List<int> Evidence)>();
        foreach (var group in facts.Where(f => f.Event is not null).GroupBy(f => f.Event!))
        {
            var evidence = group.Select(f => f.Number).ToList();
            var going = group.Any(f => f.Kind is "own" or "thought" && Regex.IsMatch(f.Statement, @"\b(go to|going to|attend|join)\b"));
            var hosting = group.Any(f => f.Kind == "own" && Regex.IsMatch(f.Statement, @"\b(planning|throwing|hosting|organising|organizing)\b"));
            var sources = group.Where(f => f.Kind == "heard").Select(f => f.Person!).Distinct().ToList();
            var seen = group.Count(f => f.Kind == "seen");
            candidates.Add((hosting ? $"{agent} is hosting the {group.Key}"
                : going ? $"{agent} plans to go to the {group.Key}"
                : sources.Count > 1 ? $"{agent} has heard about the {group.Key} from {sources[0]} and {sources[1]}"
                : sources.Count == 1 ? $"{agent} has heard about the {group.Key} from {sources[0]}"
                : seen > 1 ? $"Many people in town are going to the {group.Key}"
                : $"{agent} cares about the {group.Key}", evidence));
        }

        foreach (var group in facts.Where(f => f.Person is not null && f.Person != agent).GroupBy(f => f.Person!).Where(g => g.Count() > 1))
        {
            var talks = group.Count(f => f.Kind is "heard" or "told" or "chatted");
            candidates.Add((talks > 1 ? $"{agent} and {group.Key} talk often and share news"
                : talks == 1 ? $"{agent} is on friendly terms with {group.Key}"
                : $"{agent} often sees {group.Key} around", [.. group.Select(f => f.Number)]));
        }

        var own = facts.Where(f => f.Kind == "self" && f.Activity is not null).ToList();
        if (own.Count > 0)
        {
            candidates.Add(($"{agent} spends much of the time {Gist(own[0].Activity!, 8)}", [.. own.Select(f => f.Number)]));
        }

        foreach (var f in facts.Where(f => f.Kind is not ("seen" or "self") && !f.Statement.StartsWith("My plan", StringComparison.Ordinal)))
        {
            candidates.Add((f.Statement.TrimEnd('.'), [f.Number]));
        }

        if (candidates.Count == 0)
        {
            candidates.Add((facts[0].Statement, [facts[0].Number]));
        }

        double Score((string Text, List<int> Evidence) c) =>
            c.Evidence.Sum(n => TextWords.Overlap(question, facts[n - 1].Statement)) + TextWords.Overlap(question, c.Text) + (0.5 * c.Evidence.Count);

        var chosen = candidates.Select(c => (Text: Capital(Speech.Clause(c.Text.Replace("...", string.Empty, StringComparison.Ordinal).TrimEnd(' ', '.'), 150)), c.Evidence))
            .OrderByDescending(Score).ThenBy(c => c.Evidence[0])
            .DistinctBy(c => c.Text).Take(3).ToList();
        return string.Join('\n', chosen.Select(c => $"{c.Text} (because of {string.Join(", ", c.Evidence.Distinct().Order())})"));
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

        var sentences = relevant.Select(t => t.StartsWith("I ", StringComparison.Ordinal) || t.StartsWith("My ", StringComparison.Ordinal) ? t : "I remember that " + Lower(t));
        return "Answer: " + PromptBuilder.Cut(string.Join(' ', sentences.Select(s => s.EndsWith('.') ? s : s + ".")), 600);
    }

    private static string Capital(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) && text.Split(' ')[0] is "The" or "A" or "An" or "It" or "This" or "That"
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}
