namespace Agents.Decisions;

/// <summary>Turns a broad plan into an hourly schedule: each hour takes the plan item in effect at its half.</summary>
public static class Schedules
{
    /// <summary>24 items, 00:00 to 23:00; "sleep" where the plan is empty.</summary>
    public static IReadOnlyList<PlanItem> Hourly(IReadOnlyList<PlanItem> plan)
    {
        var sorted = plan.OrderBy(p => p.At).ToList();
        var hours = new List<PlanItem>(24);
        for (var h = 0; h < 24; h++)
        {
            var activity = PlanItem.InEffect(sorted, new TimeOnly(h, 30))?.Activity ?? "sleep";
            hours.Add(new PlanItem(new TimeOnly(h, 0), activity));
        }

        return hours;
    }
}
