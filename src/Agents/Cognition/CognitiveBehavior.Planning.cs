using System.Globalization;
using Agents.Decisions;
using Agents.Memory;
using Agents.World.Components;
using Agents.World.Events;
using Agents.World.Map;
using Agents.World.Simulation;

namespace Agents.Cognition;

/// <summary>The planning half of the loop: what decision an agent needs next, and carrying out its current task.</summary>
public sealed partial class CognitiveBehavior
{
    private const string DateFormat = "yyyy-MM-dd";

    private void Decide(int i, Town town, StepEvents events)
    {
        var a = _state.Agents[i];
        var spec = town.Scenario.Agents[i];
        var now = town.Clock.Now;
        var step = town.Clock.Step;
        var today = DateOnly.FromDateTime(now).ToString(DateFormat, CultureInfo.InvariantCulture);

        if (ConversationOf(i) is { } talk)
        {
            if (talk.Next == i)
            {
                AskTurn(i, talk, town, events);
            }

            return;
        }

        if (a.SummaryPartner is not null)
        {
            AskSummary(i, town);
            return;
        }

        if (a.WaitUntil > step)
        {
            return;
        }

        if (a.NeedsReplan)
        {
            if (a.PlanDate == today && a.Schedule is { Count: 24 } schedule)
            {
                Revise(i, town, events, schedule);
                return;
            }

            // Nothing planned for today yet: the day plan to come takes what was said into account.
            a.NeedsReplan = false;
            a.ReviseMemo = null;
        }

        if (a.PlanDate != today)
        {
            if (now.Hour < WakeHour(spec.Lifestyle))
            {
                return;
            }

            var date = DateOnly.FromDateTime(now);
            var memories = Recall(i, $"{spec.Name}'s plans, events and invitations for {date:dddd MMMM d}", _options.MemoriesInPrompt - 1, news: 2);
            var decision = new DayPlanDecision(spec.Name, Persona(spec), spec.Lifestyle, date, spec.Routine, Lines(memories));
            a.NeedsReplan = false;
            a.PlanDate = today;
            _batch.Ask(i, decision, outcome =>
            {
                a.DayPlan = [.. outcome.Value.Select(p => p.ToString())];
                a.Schedule = null;
                a.TasksHour = -1;
                var text = string.Join("; ", a.DayPlan);
                events.Add(town.Agents[i].Id, CognitionEvents.Plan, new PlanMade(DayPlanDecision.Name, string.Join('\n', a.DayPlan)));
                a.Pending.Add(new PendingMemory { Kind = (int)MemoryKind.Plan, Text = $"My plan for {date:dddd MMMM d}: {text}" });
            });
            return;
        }

        if (a.Schedule is null)
        {
            var plan = a.DayPlan.Select(PlanItem.TryParse).OfType<PlanItem>().ToList();
            _batch.Ask(i, new HourlyScheduleDecision(spec.Name, DateOnly.FromDateTime(now), plan), outcome =>
            {
                a.Schedule = [.. outcome.Value.Select(p => p.ToString())];
                a.TasksHour = -1;
                events.Add(town.Agents[i].Id, CognitionEvents.Plan, new PlanMade(HourlyScheduleDecision.Name, string.Join('\n', a.Schedule)));
            });
            return;
        }

        if (a.TasksHour != now.Hour || a.TasksDate != today)
        {
            var hourItem = PlanItem.TryParse(a.Schedule[Math.Min(now.Hour, a.Schedule.Count - 1)]);
            var activity = hourItem?.Activity ?? "rest";
            a.TasksHour = now.Hour;
            a.TasksDate = today;
            a.Tasks = [];
            _batch.Ask(i, new TaskDecompositionDecision(spec.Name, new TimeOnly(now.Hour, 0), activity, spec.Routine), outcome =>
            {
                a.Tasks = [.. outcome.Value.Select(t => t.ToString())];
                events.Add(town.Agents[i].Id, CognitionEvents.Plan, new PlanMade(TaskDecompositionDecision.Name, string.Join('\n', a.Tasks)));
            });
            return;
        }

        if (a.ReflectionCounter <= 0)
        {
            Reflect(i, town, events);
            return;
        }

        var task = CurrentTask(a, TimeOnly.FromDateTime(now));
        if (task is null)
        {
            return;
        }

        var key = today + " " + task;
        if (key != a.CurrentTaskKey)
        {
            var baseActivity = BaseOf(task.Task);
            if (a.CurrentBase == baseActivity && a.CurrentAddress is not null)
            {
                Start(i, town, events, task.Task, a.CurrentAddress, key, null);
                return;
            }

            ChoosePlace(i, town, events, task, key);
            return;
        }

        React(i, town, events);
    }

    /// <summary>
    /// Revises today's schedule from the current hour in the light of what a conversation meant for the agent's plans
    /// (its memo): the past hours stay, and of the hours that change only the current one is decomposed again now (later
    /// ones are decomposed when they come).
    /// </summary>
    private void Revise(int i, Town town, StepEvents events, List<string> schedule)
    {
        var a = _state.Agents[i];
        var spec = town.Scenario.Agents[i];
        var now = town.Clock.Now;
        var from = now.Hour;
        var hours = schedule.Select(PlanItem.TryParse).ToList();
        var rest = new List<PlanItem>();
        for (var h = from; h < 24; h++)
        {
            if (hours[h] is { } item && (rest.Count == 0 || rest[^1].Activity != item.Activity))
            {
                rest.Add(item);
            }
        }

        var memo = a.ReviseMemo;
        a.NeedsReplan = false;
        a.ReviseMemo = null;
        if (rest.Count == 0)
        {
            return;
        }

        _batch.Ask(i, new HourlyScheduleDecision(spec.Name, DateOnly.FromDateTime(now), rest, from, memo), outcome =>
        {
            var revised = schedule.Take(from).Concat(outcome.Value.Select(p => p.ToString())).ToList();
            if (revised.Count != 24 || revised.SequenceEqual(schedule))
            {
                return;
            }

            a.Schedule = revised;
            if (revised[from] != schedule[from])
            {
                a.TasksHour = -1;
            }

            events.Add(town.Agents[i].Id, CognitionEvents.Plan, new PlanMade(HourlyScheduleDecision.Name, string.Join('\n', revised.Skip(from))));
        });
    }

    private static TaskItem? CurrentTask(AgentMindState a, TimeOnly now)
    {
        TaskItem? current = null;
        foreach (var line in a.Tasks)
        {
            if (TaskItem.TryParse(line) is { } task && task.Start <= now)
            {
                current = task;
            }
        }

        return current ?? (a.Tasks.Count > 0 ? TaskItem.TryParse(a.Tasks[0]) : null);
    }

    private static string BaseOf(string task)
    {
        var paren = task.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? task[..paren] : task;
    }

    private static string Persona(World.Scenarios.AgentSpec spec) =>
        $"{spec.Age}, {string.Join(", ", spec.Traits)}. {spec.Situation}";

    private void ChoosePlace(int i, Town town, StepEvents events, TaskItem task, string key)
    {
        var a = _state.Agents[i];
        var spec = town.Scenario.Agents[i];
        if (a.ChoiceTaskKey != key)
        {
            a.ChoiceTaskKey = key;
            a.ChoiceSector = a.ChoiceArena = a.ChoiceObject = null;
        }

        var habits = spec.Routine.Select(Habits.Describe).ToList();
        var activity = town.Entities.Get<Activity>(town.Agents[i]);
        var here = activity.CurrentPlace is { Length: > 0 } place && place != "\0" ? place : string.Empty;
        var home = spec.Home.Arena is null ? spec.Home.Sector : $"{spec.Home.Sector}:{spec.Home.Arena}";
        if (a.ChoiceSector is null)
        {
            var options = a.Known.Where(s => town.Map.FindSector(s) is not null).ToList();
            _batch.Ask(i, new PlaceChoiceDecision(spec.Name, task.Task, PlaceLevel.Sector, string.Empty, here, home, habits, options), outcome =>
                a.ChoiceSector = outcome.Value.Length > 0 ? outcome.Value : spec.Home.Sector);
            return;
        }

        var sector = town.Map.FindSector(a.ChoiceSector);
        if (sector is null || sector.Arenas.Count == 0)
        {
            Start(i, town, events, task.Task, a.ChoiceSector, key, null);
            return;
        }

        if (a.ChoiceArena is null)
        {
            var options = sector.Arenas.Select(x => x.Name).ToList();
            _batch.Ask(i, new PlaceChoiceDecision(spec.Name, task.Task, PlaceLevel.Arena, sector.Name, here, home, habits, options), outcome =>
                a.ChoiceArena = outcome.Value.Length > 0 ? outcome.Value : options[0]);
            return;
        }

        var arena = town.Map.FindArena(new Address(sector.Name, a.ChoiceArena));
        var arenaAddress = $"{sector.Name}:{a.ChoiceArena}";
        if (arena is null || arena.Objects.Count == 0)
        {
            Start(i, town, events, task.Task, arenaAddress, key, null);
            return;
        }

        if (a.ChoiceObject is null)
        {
            var options = arena.Objects.Select(o => o.Address.Object!).ToList();
            _batch.Ask(i, new PlaceChoiceDecision(spec.Name, task.Task, PlaceLevel.Object, arenaAddress, here, home, habits, options), outcome =>
                a.ChoiceObject = outcome.Value.Length > 0 ? outcome.Value : options[0]);
            return;
        }

        var objectName = a.ChoiceObject;
        var address = $"{arenaAddress}:{objectName}";
        _batch.Ask(i, new ObjectStateDecision(spec.Name, objectName, task.Task), outcome =>
            Start(i, town, events, task.Task, address, key, outcome.Value));
    }

    private void Start(int i, Town town, StepEvents events, string description, string address, string key, string? objectState)
    {
        var a = _state.Agents[i];
        Actions.StartActivity(town, events, town.Agents[i], description, Address.Parse(address), town.Clock.Step);
        a.CurrentTaskKey = key;
        a.CurrentBase = BaseOf(description);
        a.CurrentAddress = address;
        a.ChoiceTaskKey = null;
        a.PendingObjectState = objectState ?? a.PendingObjectState;
        if (objectState is null && Address.Parse(address).Object is null)
        {
            a.PendingObjectState = null;
        }
    }
}
