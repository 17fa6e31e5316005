using System.Text.RegularExpressions;
using Agents.Decisions;
using Agents.Minds;
using Agents.World.Map;
using Agents.World.Scenarios;

namespace Agents.Tests.Decisions;

public sealed class DecisionTests
{
    private static readonly IReadOnlyList<RoutineItem> Routine =
    [
        new(new TimeOnly(6, 0), "wake up and get ready", Address.Parse("Isabella's Apartment:bathroom:shower")),
        new(new TimeOnly(8, 0), "open the cafe and serve customers", Address.Parse("Hobbs Cafe:cafe:counter")),
        new(new TimeOnly(12, 0), "cook lunch for the guests", Address.Parse("Hobbs Cafe:kitchen:stove")),
        new(new TimeOnly(13, 30), "serve customers", Address.Parse("Hobbs Cafe:cafe:counter")),
        new(new TimeOnly(17, 0), "close the cafe and tidy up", Address.Parse("Hobbs Cafe:cafe:table 1")),
        new(new TimeOnly(18, 0), "buy groceries", Address.Parse("Willow Market and Pharmacy:market:produce shelf")),
        new(new TimeOnly(19, 0), "cook and eat dinner", Address.Parse("Isabella's Apartment:kitchen:stove")),
        new(new TimeOnly(20, 0), "read on the sofa", Address.Parse("Isabella's Apartment:living room:sofa")),
        new(new TimeOnly(23, 0), "sleep", Address.Parse("Isabella's Apartment:bedroom:bed")),
    ];

    private static readonly IReadOnlyList<string> Memories =
    [
        MemoryLines.Format(8, "I am planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm, and I want to invite everyone in town."),
        MemoryLines.Format(3, "Hannah Schmidt is my barista; she is reliable and funny."),
        MemoryLines.Format(2, "Nora Quinn is writing at the corner table"),
        MemoryLines.Format(2, "the stove is cooking"),
        MemoryLines.Format(5, "Sam Moore told me at Hobbs Cafe:cafe: I am running for mayor in the local election next month."),
        MemoryLines.Format(2, "Sam Moore is on the way to Johnson Park"),
        MemoryLines.Format(1, "Isabella Rodriguez is sleeping"),
        MemoryLines.Format(4, "I enjoyed talking with Hannah Schmidt."),
    ];

    public static TheoryData<string> Types() => [.. All().Select(d => d.Type)];

    internal static IReadOnlyList<IDecision> All() =>
    [
        new ImportanceDecision("Isabella Rodriguez", "Sam Moore is running for mayor"),
        new DayPlanDecision("Isabella Rodriguez", "34, friendly, outgoing. Runs Hobbs Cafe.", "goes to bed around 11pm, wakes up around 6am", new DateOnly(2023, 2, 14), Routine, Memories),
        new HourlyScheduleDecision("Isabella Rodriguez", new DateOnly(2023, 2, 14), Habits.Broad(Routine, 8), Routine),
        new TaskDecompositionDecision("Isabella Rodriguez", new TimeOnly(13, 0), "cook lunch for the guests", Routine),
        new PlaceChoiceDecision("Isabella Rodriguez", "cook lunch for the guests", PlaceLevel.Sector, string.Empty, "Hobbs Cafe:cafe", "Isabella's Apartment:bedroom", [.. Routine.Select(Habits.Describe)], ["Hobbs Cafe", "Isabella's Apartment", "Johnson Park", "Willow Market and Pharmacy"]),
        new ObjectStateDecision("Isabella Rodriguez", "stove", "cook lunch for the guests"),
        new ReactionDecision("Isabella Rodriguez", "serve customers", "Sam Moore", "Sam Moore is having tea", "Monday 15:00", Memories),
        new ConversationTurnDecision("Isabella Rodriguez", "Sam Moore", "Hobbs Cafe:cafe", "Monday 15:00", 1, 8, Memories, []),
        new ConversationSummaryDecision("Sam Moore", "Isabella Rodriguez", "Hobbs Cafe:cafe", ["Isabella Rodriguez: Hi Sam! I am planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm.", "Sam Moore: Oh, interesting! Take care!"]),
        new FocalQuestionsDecision("Isabella Rodriguez", Memories),
        new InsightsDecision("Isabella Rodriguez", "What is Isabella planning?", [.. Memories.Select(m => MemoryLines.Parse(m).Text)]),
        new InterviewDecision("Isabella Rodriguez", "34, friendly, outgoing. Runs Hobbs Cafe.", "Are you planning anything for Valentine's Day?", Memories),
    ];

    private static IDecision Of(string type) => All().Single(d => d.Type == type);

    [Theory]
    [MemberData(nameof(Types))]
    public void Prompt_names_the_decision_on_its_first_line_and_stays_compact(string type)
    {
        var prompt = Of(type).Render();

        Assert.Equal(type, prompt.Split('\n')[0]);
        // About four characters a token: under ~400 tokens.
        Assert.True(prompt.Length < 1700, $"{type}: {prompt.Length} characters");
        Assert.StartsWith("Reply: ", prompt.Split('\n')[^1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_scripted_reply_parses_and_matches_the_reply_shape(string type)
    {
        var decision = Of(type);
        var reply = new ScriptedMind(3).Answer(decision.Render());

        Assert.True(decision.Accepts(reply), $"{type} rejected: {reply}");
        Assert.Matches(new Regex("^(?:" + decision.ReplyShape + ")$"), reply);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Garbage_is_rejected_and_the_fallback_reply_is_well_formed(string type)
    {
        var decision = Of(type);

        Assert.False(decision.Accepts("%%% garbage \u0000"));
        Assert.False(decision.Accepts(string.Empty));
        Assert.False(decision.Accepts(null));
        Assert.False(string.IsNullOrWhiteSpace(decision.FallbackReply()) && type != InsightsDecision.Name);
    }

    [Fact]
    public void A_day_plan_round_trips_through_its_ideal_reply()
    {
        var decision = (DayPlanDecision)Of(DayPlanDecision.Name);
        IReadOnlyList<PlanItem> plan = [.. Habits.Broad(Routine, 6)];

        Assert.True(decision.TryParse(decision.Format(plan), out var parsed));
        Assert.Equal(plan, parsed);
    }

    [Fact]
    public void Importance_outside_one_to_ten_falls_back()
    {
        var decision = new ImportanceDecision("A", "something");

        Assert.Equal(new DecisionOutcome<int>(7, false), decision.Resolve(" 7 "));
        Assert.True(decision.Resolve("11").FellBack);
        Assert.True(decision.Resolve("seven").FellBack);
        Assert.Equal(decision.Fallback(), decision.Resolve("0").Value);
    }

    [Fact]
    public void Task_decomposition_rejects_tasks_that_do_not_fill_the_hour()
    {
        var decision = new TaskDecompositionDecision("A", new TimeOnly(9, 0), "write", []);

        Assert.True(decision.Accepts("09:00 (15 min) write\n09:15 (45 min) write more"));
        Assert.False(decision.Accepts("09:00 (15 min) write\n09:15 (15 min) write more"));
        Assert.False(decision.Accepts("09:00 (15 min) write\n09:30 (45 min) write more"));
    }

    [Fact]
    public void Insights_must_cite_memories_that_were_shown()
    {
        var decision = new InsightsDecision("A", "Q?", ["one", "two"]);

        Assert.True(decision.TryParse("A likes tea (because of 1, 2)", out var insights));
        Assert.Equal([1, 2], insights[0].Evidence);
        Assert.False(decision.Accepts("A likes tea (because of 3)"));
    }

    [Fact]
    public void Place_choice_accepts_only_an_offered_option()
    {
        var decision = new PlaceChoiceDecision("A", "eat", PlaceLevel.Arena, "Home", string.Empty, "Home:kitchen", [], ["kitchen", "bedroom"]);

        Assert.Equal("kitchen", decision.Resolve("Kitchen.").Value);
        Assert.True(decision.Resolve("garden").FellBack);
        Assert.Equal("kitchen", decision.Fallback());
    }
}
