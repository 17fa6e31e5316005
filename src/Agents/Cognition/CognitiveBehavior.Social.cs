using Agents.Decisions;
using Agents.Memory;
using Agents.World.Components;
using Agents.World.Events;
using Agents.World.Map;
using Agents.World.Simulation;

namespace Agents.Cognition;

/// <summary>The social half of the loop: reactions, conversations and their summaries, and reflection.</summary>
public sealed partial class CognitiveBehavior
{
    private ConversationState? ConversationOf(int agent) =>
        _state.Conversations.FirstOrDefault(c => c.First == agent || c.Second == agent);

    private static string PairKey(int a, int b) => a < b ? $"{a}|{b}" : $"{b}|{a}";

    private bool CanTalk(int i, int j, Town town)
    {
        var hour = town.Clock.Now.Hour;
        if (i == j || hour < _options.FirstTalkHour || hour >= _options.LastTalkHour || ConversationOf(i) is not null || ConversationOf(j) is not null)
        {
            return false;
        }

        if (_state.CooldownUntil.TryGetValue(PairKey(i, j), out var until) && until > town.Clock.Step)
        {
            return false;
        }

        var mine = town.Entities.Get<Activity>(town.Agents[i]).Description;
        var theirs = town.Entities.Get<Activity>(town.Agents[j]).Description;
        return !IsAsleep(mine) && !IsAsleep(theirs) && _state.Agents[j].SummaryPartner is null;
    }

    private static bool IsAsleep(string activity) => activity.Contains("sleep", StringComparison.OrdinalIgnoreCase);

    private void React(int i, Town town, StepEvents events)
    {
        if (_noticed[i] is not { } noticed || !CanTalk(i, noticed.Other, town))
        {
            return;
        }

        var spec = town.Scenario.Agents[i];
        var other = town.Scenario.Agents[noticed.Other].Name;
        var memories = Recall(i, $"{other}: {noticed.Observed}", _options.MemoriesInPrompt - 1, news: 1);
        var doing = town.Entities.Get<Activity>(town.Agents[i]).Description;
        var decision = new ReactionDecision(spec.Name, doing, other, noticed.Observed, town.Clock.Now.ToString("dddd HH:mm", System.Globalization.CultureInfo.InvariantCulture), Lines(memories));
        _batch.Ask(i, decision, outcome =>
        {
            switch (outcome.Value)
            {
                case ReactionKind.Talk when CanTalk(i, noticed.Other, town):
                    BeginConversation(i, noticed.Other, town, events);
                    break;
                case ReactionKind.Wait:
                    _state.Agents[i].WaitUntil = town.Clock.Step + _options.WaitSteps;
                    break;
            }
        });
    }

    private void BeginConversation(int i, int j, Town town, StepEvents events)
    {
        var position = town.Entities.Get<TilePosition>(town.Agents[j]).Point;
        var where = town.Map.AddressAt(position);
        if (where is { Depth: 3 } objectAddress)
        {
            where = objectAddress.Parent;
        }

        var place = where?.ToString() ?? town.Entities.Get<Activity>(town.Agents[j]).Address;
        var talk = new ConversationState { First = i, Second = j, Next = i, Place = place };
        _state.Conversations.Add(talk);
        if (where is { } address)
        {
            var first = town.Scenario.Agents[i].Name;
            var second = town.Scenario.Agents[j].Name;
            Actions.StartActivity(town, events, town.Agents[i], $"talking with {second}", address, town.Clock.Step);
            Actions.StartActivity(town, events, town.Agents[j], $"talking with {first}", address, town.Clock.Step);
        }
    }

    private void AskTurn(int i, ConversationState talk, Town town, StepEvents events)
    {
        var spec = town.Scenario.Agents[i];
        var partnerIndex = talk.Other(i);
        var partner = town.Scenario.Agents[partnerIndex].Name;
        var memories = Recall(i, $"{partner} {string.Join(' ', talk.Transcript.TakeLast(2))}", _options.MemoriesInPrompt - 1, news: 2);
        var recent = talk.Transcript.TakeLast(ConversationTurnDecision.LinesShown).ToList();
        var round = (talk.Transcript.Count / 2) + 1;
        var decision = new ConversationTurnDecision(spec.Name, partner, talk.Place, town.Clock.Now.ToString("dddd HH:mm", System.Globalization.CultureInfo.InvariantCulture), round, _options.MaxRounds, Lines(memories), recent);
        _batch.Ask(i, decision, outcome =>
        {
            var turn = outcome.Value;
            talk.Transcript.Add($"{spec.Name}: {turn.Utterance}");
            var end = turn.End || talk.Transcript.Count >= 2 * _options.MaxRounds;
            events.Add(town.Agents[i].Id, CognitionEvents.Talk, new TalkSaid(partner, turn.Utterance, end));
            if (end)
            {
                EndConversation(talk, town);
            }
            else
            {
                talk.Next = partnerIndex;
            }
        });
    }

    private void EndConversation(ConversationState talk, Town town)
    {
        _state.Conversations.Remove(talk);
        var cooldown = (long)Math.Ceiling(_options.Cooldown / town.Scenario.Step);
        _state.CooldownUntil[PairKey(talk.First, talk.Second)] = town.Clock.Step + cooldown;
        foreach (var (me, other) in new[] { (talk.First, talk.Second), (talk.Second, talk.First) })
        {
            var a = _state.Agents[me];
            a.SummaryPartner = town.Scenario.Agents[other].Name;
            a.SummaryPlace = talk.Place;
            a.SummaryTranscript = [.. talk.Transcript];
            a.CurrentTaskKey = null;
        }

        foreach (var key in _state.CooldownUntil.Where(p => p.Value <= town.Clock.Step).Select(p => p.Key).ToList())
        {
            _state.CooldownUntil.Remove(key);
        }
    }

    private void AskSummary(int i, Town town)
    {
        var a = _state.Agents[i];
        var spec = town.Scenario.Agents[i];
        var decision = new ConversationSummaryDecision(spec.Name, a.SummaryPartner!, a.SummaryPlace ?? string.Empty, [.. a.SummaryTranscript]);
        a.SummaryPartner = null;
        a.SummaryPlace = null;
        a.SummaryTranscript = [];
        _batch.Ask(i, decision, outcome =>
        {
            a.Pending.Add(new PendingMemory { Kind = (int)MemoryKind.Chat, Text = outcome.Value.Summary });
            a.Pending.Add(new PendingMemory { Kind = (int)MemoryKind.Plan, Text = outcome.Value.Memo });
            a.NeedsReplan = true;
            a.ReviseMemo = outcome.Value.Memo;
        });
    }

    private void Reflect(int i, Town town, StepEvents events)
    {
        var a = _state.Agents[i];
        var spec = town.Scenario.Agents[i];
        if (a.FocalQuestions.Count == 0)
        {
            var recent = Recent(i, _options.RecentForReflection);
            _batch.Ask(i, new FocalQuestionsDecision(spec.Name, Lines(recent)), outcome => a.FocalQuestions = [.. outcome.Value]);
            return;
        }

        foreach (var question in a.FocalQuestions)
        {
            var memories = Recall(i, question, _options.MemoriesInPrompt, news: 0);
            var ids = memories.Select(m => m.Id).ToArray();
            _batch.Ask(i, new InsightsDecision(spec.Name, question, [.. memories.Select(m => m.Text)]), outcome =>
            {
                foreach (var insight in outcome.Value)
                {
                    var evidence = insight.Evidence.Where(n => n >= 1 && n <= ids.Length).Select(n => ids[n - 1]).Distinct().ToArray();
                    a.Pending.Add(new PendingMemory { Kind = (int)MemoryKind.Reflection, Text = insight.Text, Evidence = evidence });
                    events.Add(town.Agents[i].Id, CognitionEvents.Reflect, new Reflected(insight.Text, evidence));
                }
            });
        }

        a.FocalQuestions = [];
        a.ReflectionCounter = town.Scenario.Memory.ReflectionThreshold;
    }
}
