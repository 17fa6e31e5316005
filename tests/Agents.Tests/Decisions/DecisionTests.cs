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
        new HourlyScheduleDecision("Isabella Rodriguez", new DateOnly(2023, 2, 14), Habits.Broad(Routine, 8)),
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
        // About four characters a token: under ~350 tokens.
        Assert.True(prompt.Length <= DecisionLimits.PromptCharacters, $"{type}: {prompt.Length} characters");
        Assert.StartsWith("Reply: ", prompt.Split('\n')[^1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_scripted_reply_parses_and_matches_the_reply_shape(string type)
    {
        var decision = Of(type);
        var reply = new ScriptedMind(3).Answer(decision.Render());

        Assert.True(decision.Accepts(reply), $"{type} rejected: {reply}");
        Assert.Equal(reply, decision.FormatIdeal(reply));
        Assert.NotEmpty(decision.StopSequences);
        Assert.All(decision.StopSequences, stop => Assert.DoesNotContain(stop, reply, StringComparison.Ordinal));
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
    public void Task_decomposition_reads_start_times_and_lasts_each_task_until_the_next()
    {
        var decision = new TaskDecompositionDecision("A", new TimeOnly(9, 0), "write", []);

        Assert.True(decision.TryParse("09:00 write\n09:15 write (more)\n09:50 write (reading it over)", out var tasks));
        Assert.Equal([15, 35, 10], tasks.Select(t => t.Minutes));
        Assert.Equal("09:00 write\n09:15 write (more)\n09:50 write (reading it over)", decision.Format(tasks));
        Assert.False(decision.Accepts("09:15 write"));
        Assert.False(decision.Accepts("09:00 write\n09:00 write (more)"));
        Assert.False(decision.Accepts("09:00 write\n09:57 write (more)"));
        Assert.False(decision.Accepts("09:00 write\n10:10 write (more)"));
    }

    [Fact]
    public void A_task_names_the_hours_activity_or_a_habit_shown_with_an_optional_detail_and_never_a_new_activity()
    {
        var decision = new TaskDecompositionDecision("A", new TimeOnly(13, 0), "cook lunch for the guests", Routine);
        var shape = new Regex("^(?:" + decision.ReplyShape + ")$");
        string[] good =
        [
            "13:00 cook lunch for the guests\n13:15 cook lunch for the guests (continuing)\n13:30 serve customers",
            "13:00 cook lunch for the guests (wrapping up)",
        ];
        string[] bad =
        [
            "13:00 cook lunch for the guests\n13:30 eat lunch in the cafe kitchen",
            "13:00 cook lunch for the guests (plating",
            "13:00 cook lunch for the guests ()",
            "13:00 cook lunch for the guests (plating) (more)",
            "13:00 cook lunch",
        ];

        Assert.Equal(["cook lunch for the guests", "serve customers"], decision.Activities);
        Assert.All(good, reply => Assert.True(decision.Accepts(reply) && shape.IsMatch(reply), reply));
        Assert.All(bad, reply => Assert.False(decision.Accepts(reply) || shape.IsMatch(reply), reply));

        // Any detail parses (a mind decoding freely may describe the subtask); the shape allows only the teacher's.
        const string Described = "13:00 cook lunch for the guests (chopping onions)";
        Assert.True(decision.Accepts(Described));
        Assert.DoesNotMatch(shape, Described);
    }

    [Fact]
    public void Task_decomposition_shows_the_habits_around_the_hour_only_when_the_activity_is_a_habit()
    {
        var habit = new TaskDecompositionDecision("A", new TimeOnly(13, 0), "cook lunch for the guests", Routine);
        var party = habit with { Activity = "go to the Valentine's Day party at Hobbs Cafe" };

        Assert.Equal(["12:00 cook lunch for the guests", "13:30 serve customers"], new PromptReader(habit.Render()).List("Habits"));
        Assert.Empty(new PromptReader(party.Render()).List("Habits"));
    }

    [Fact]
    public void An_hourly_schedule_lists_only_the_changes_and_expands_them_to_every_hour()
    {
        var decision = new HourlyScheduleDecision("A", new DateOnly(2023, 2, 14), Habits.Broad(Routine, 8));

        Assert.True(decision.TryParse("00:00 sleep\n06:00 wake up\n08:00 work\n17:00 read\n22:00 sleep", out var hours));
        Assert.Equal(24, hours.Count);
        Assert.Equal("work", hours[12].Activity);
        Assert.Equal("sleep", hours[23].Activity);
        Assert.Equal("00:00 sleep\n06:00 wake up\n08:00 work\n17:00 read\n22:00 sleep", decision.Format(hours));
        Assert.False(decision.Accepts("01:00 sleep\n06:00 wake up"));
        Assert.False(decision.Accepts("00:00 sleep\n08:00 work\n06:00 wake up"));
        Assert.False(decision.Accepts("00:00 sleep\n06:30 wake up"));
    }

    [Fact]
    public void A_revised_schedule_starts_at_its_hour_and_keeps_the_plan_when_it_falls_back()
    {
        IReadOnlyList<PlanItem> rest = [new(new TimeOnly(14, 0), "serve customers"), new(new TimeOnly(18, 0), "buy groceries"), new(new TimeOnly(23, 0), "sleep")];
        var decision = new HourlyScheduleDecision("A", new DateOnly(2023, 2, 14), rest, From: 14, Memo: "I want to go to the party at 17:00.");
        var reader = new PromptReader(decision.Render());

        Assert.Equal("14:00", reader.Field("From"));
        Assert.Equal("I want to go to the party at 17:00.", reader.Field("Memo"));
        Assert.True(decision.TryParse("14:00 serve customers\n17:00 go to the party\n19:00 buy groceries", out var hours));
        Assert.Equal(10, hours.Count);
        Assert.Equal("go to the party", hours[4].Activity);
        Assert.False(decision.Accepts("13:00 serve customers"));
        Assert.Equal("14:00 serve customers\n18:00 buy groceries\n23:00 sleep", decision.FallbackReply());
        Assert.Matches(new Regex("^(?:" + decision.ReplyShape + ")$"), decision.FallbackReply());
    }

    [Fact]
    public void A_long_list_is_cut_to_its_budget_at_word_boundaries_and_short_items_stay_whole()
    {
        var decision = new ReactionDecision("A", "reading", "B", "B is reading", "Monday 10:00", ["[2] short one", .. Enumerable.Range(0, 6).Select(i => $"[8] {string.Join(' ', Enumerable.Repeat($"news{i}", 30))}")]);
        var memories = new PromptReader(decision.Render()).List("Memories");

        Assert.Equal("[2] short one", memories[0]);
        Assert.True(memories.Sum(m => m.Length) <= 450, $"{memories.Sum(m => m.Length)} characters");
        Assert.All(memories.Skip(1), m => Assert.Matches(@"^\[8\]( news\d)+\.\.\.$", m));
    }

    [Fact]
    public void Place_choice_shows_only_the_habits_that_fit_the_task_and_the_place_chosen_so_far()
    {
        var habits = Routine.Select(Habits.Describe).ToList();
        var sector = new PlaceChoiceDecision("A", "cook and eat dinner", PlaceLevel.Sector, string.Empty, string.Empty, "Isabella's Apartment:bedroom", habits, ["Hobbs Cafe", "Isabella's Apartment"]);
        var arena = sector with { Level = PlaceLevel.Arena, Within = "Hobbs Cafe", Options = ["cafe", "kitchen"] };

        Assert.Equal(["19:00 cook and eat dinner (Isabella's Apartment:kitchen:stove)", "12:00 cook lunch for the guests (Hobbs Cafe:kitchen:stove)"], new PromptReader(sector.Render()).List("Habits"));
        Assert.Equal(["12:00 cook lunch for the guests (Hobbs Cafe:kitchen:stove)"], new PromptReader(arena.Render()).List("Habits"));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_ideal_form_of_a_reply_matches_the_reply_shape_and_of_garbage_is_null(string type)
    {
        var decision = Of(type);
        var ideal = decision.FormatIdeal(new ScriptedMind(7).Answer(decision.Render()));

        Assert.NotNull(ideal);
        Assert.Matches(new Regex("^(?:" + decision.ReplyShape + ")$"), ideal);
        Assert.Null(decision.FormatIdeal("%%% garbage"));
        Assert.Null(decision.FormatIdeal(null));
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
