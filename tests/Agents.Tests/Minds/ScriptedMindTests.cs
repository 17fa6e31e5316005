using System.Text.RegularExpressions;
using Agents.Decisions;
using Agents.Minds;
using Agents.World.Map;
using Agents.World.Scenarios;

namespace Agents.Tests.Minds;

public sealed class ScriptedMindTests
{
    private static readonly IReadOnlyList<RoutineItem> Retired =
    [
        new(new TimeOnly(6, 0), "wake up and stretch", Address.Parse("Moore House:bedroom")),
        new(new TimeOnly(8, 0), "read the news", Address.Parse("Moore House:kitchen:kitchen table")),
        new(new TimeOnly(12, 0), "eat lunch", Address.Parse("Moore House:kitchen:kitchen table")),
        new(new TimeOnly(14, 0), "walk in the park", Address.Parse("Johnson Park:lawn")),
        new(new TimeOnly(16, 0), "have tea at the cafe", Address.Parse("Hobbs Cafe:cafe:table 2")),
        new(new TimeOnly(19, 0), "cook dinner", Address.Parse("Moore House:kitchen:stove")),
        new(new TimeOnly(22, 0), "sleep", Address.Parse("Moore House:bedroom:bed")),
    ];

    private static readonly IReadOnlyList<RoutineItem> Nurse =
    [
        new(new TimeOnly(6, 0), "wake up", Address.Parse("Okafor House:bedroom")),
        new(new TimeOnly(9, 0), "work the shift at the pharmacy counter", Address.Parse("Willow Market and Pharmacy:pharmacy:counter")),
        new(new TimeOnly(20, 0), "eat dinner", Address.Parse("Okafor House:kitchen:stove")),
        new(new TimeOnly(22, 0), "sleep", Address.Parse("Okafor House:bedroom:bed")),
    ];

    private const string Invitation = "Isabella Rodriguez told me at Hobbs Cafe:cafe: I am planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm.";

    private static IReadOnlyList<PlanItem> Plan(IReadOnlyList<RoutineItem> routine, DateOnly date, params string[] memories)
    {
        var decision = new DayPlanDecision("Sam Moore", "62, warm.", "wakes up around 6am", date, routine, [.. memories.Select(m => MemoryLines.Format(7, m))]);
        Assert.True(decision.TryParse(new ScriptedMind(1).Answer(decision.Render()), out var plan));
        return plan;
    }

    [Fact]
    public void An_invitation_becomes_a_plan_to_attend_on_its_day_when_the_schedule_allows()
    {
        var plan = Plan(Retired, new DateOnly(2023, 2, 14), Invitation);

        var party = Assert.Single(plan, p => p.Activity.Contains("Valentine's Day party at Hobbs Cafe", StringComparison.Ordinal));
        Assert.Equal(new TimeOnly(17, 0), party.At);
        Assert.Contains(plan, p => p.At == new TimeOnly(19, 0));
    }

    [Fact]
    public void A_memo_about_an_event_later_today_revises_only_the_hours_it_takes()
    {
        IReadOnlyList<PlanItem> rest = [new(new TimeOnly(14, 0), "walk in the park"), new(new TimeOnly(16, 0), "have tea at the cafe"), new(new TimeOnly(19, 0), "cook dinner"), new(new TimeOnly(22, 0), "sleep")];
        var revise = new HourlyScheduleDecision("Sam Moore", new DateOnly(2023, 2, 14), rest, From: 14, Memo: "I want to go to the Valentine's Day party at Hobbs Cafe on February 14 from 17:00 to 19:00.");

        var hours = revise.Resolve(new ScriptedMind(1).Answer(revise.Render())).Value;

        Assert.Equal(10, hours.Count);
        Assert.Equal(["walk in the park", "walk in the park", "have tea at the cafe"], hours.Take(3).Select(h => h.Activity));
        Assert.All(hours.Skip(3).Take(2), h => Assert.EndsWith("the Valentine's Day party at Hobbs Cafe", h.Activity, StringComparison.Ordinal));
        Assert.Equal(["cook dinner", "cook dinner", "cook dinner", "sleep", "sleep"], hours.Skip(5).Select(h => h.Activity));
        Assert.Equal(rest.Select(r => r.Activity), (revise with { Memo = "I enjoyed talking with Mei." }).Resolve(new ScriptedMind(1).Answer((revise with { Memo = "I enjoyed talking with Mei." }).Render())).Value.Select(h => h.Activity).Distinct());
    }

    [Fact]
    public void A_day_plans_shape_holds_the_habits_fillers_and_events_a_memory_dates_that_day_and_the_teacher_fits_it()
    {
        static DayPlanDecision On(DateOnly date) => new("Sam Moore", "62, warm.", "wakes up around 6am", date, Retired, [MemoryLines.Format(7, Invitation)]);
        static bool Fits(IDecision d, string reply) => Regex.IsMatch(reply, "^(?:" + d.ReplyShape + ")$");
        var party = On(new DateOnly(2023, 2, 14));
        var before = On(new DateOnly(2023, 2, 13));

        var taught = new ScriptedMind(1).Answer(party.Render());
        Assert.Contains("the Valentine's Day party at Hobbs Cafe", taught, StringComparison.Ordinal);
        Assert.True(Fits(party, taught), taught);
        Assert.True(Fits(before, new ScriptedMind(1).Answer(before.Render())));

        var withParty = "06:00 wake up and stretch\n08:00 read the news\n12:00 eat lunch\n14:00 walk in the park\n17:00 attend the Valentine's Day party at Hobbs Cafe\n19:00 cook dinner\n22:00 sleep";
        Assert.Contains("join the Valentine's Day party at Hobbs Cafe", party.Activities);
        Assert.Contains("rest at home", party.Activities);
        Assert.False(Fits(before, withParty), "the party is not on February 13");
        Assert.False(Fits(party, withParty.Replace("walk in the park", "go for a swim", StringComparison.Ordinal)), "an activity of no habit");
        Assert.True(party.Accepts(withParty.Replace("walk in the park", "go for a swim", StringComparison.Ordinal)), "parsing is not held to the shape");
    }

    [Fact]
    public void A_revised_schedules_shape_holds_the_plan_and_an_event_its_memo_dates_today()
    {
        IReadOnlyList<PlanItem> rest = [new(new TimeOnly(14, 0), "walk in the park"), new(new TimeOnly(16, 0), "have tea at the cafe"), new(new TimeOnly(19, 0), "cook dinner"), new(new TimeOnly(22, 0), "sleep")];
        var revise = new HourlyScheduleDecision("Sam Moore", new DateOnly(2023, 2, 14), rest, From: 14, Memo: "I want to go to the Valentine's Day party at Hobbs Cafe on February 14 from 17:00 to 19:00.");
        var idle = revise with { Memo = "I enjoyed talking with Mei." };
        const string Party = "14:00 walk in the park\n16:00 have tea at the cafe\n17:00 go to the Valentine's Day party at Hobbs Cafe\n19:00 cook dinner\n22:00 sleep";

        var taught = new ScriptedMind(1).Answer(revise.Render());
        Assert.Matches(new Regex("^(?:" + revise.ReplyShape + ")$"), taught);
        Assert.Matches(new Regex("^(?:" + revise.ReplyShape + ")$"), Party);
        Assert.DoesNotMatch(new Regex("^(?:" + idle.ReplyShape + ")$"), Party);
        Assert.DoesNotMatch(new Regex("^(?:" + revise.ReplyShape + ")$"), Party.Replace("cook dinner", "go dancing", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invitation_for_another_day_or_during_work_changes_nothing()
    {
        Assert.DoesNotContain(Plan(Retired, new DateOnly(2023, 2, 13), Invitation), p => p.Activity.Contains("party", StringComparison.Ordinal));
        Assert.DoesNotContain(Plan(Nurse, new DateOnly(2023, 2, 14), Invitation), p => p.Activity.Contains("party", StringComparison.Ordinal));
    }

    private static readonly string[] SamsNews =
    [
        MemoryLines.Format(8, "I am running for mayor in the local election next month."),
        MemoryLines.Format(7, "Isabella Rodriguez told me at Hobbs Cafe:cafe: I am planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm."),
        MemoryLines.Format(2, "the stove is cooking"),
    ];

    private static List<ConversationTurn> Turns(ConversationTurnDecision decision, int seeds) =>
        [.. Enumerable.Range(0, seeds).Select(seed => decision.Resolve(new ScriptedMind(seed).Answer(decision.Render())).Value)];

    [Fact]
    public void A_conversation_brings_up_the_most_important_news_not_yet_said()
    {
        var first = new ConversationTurnDecision("Sam Moore", "Mei Lin", "Johnson Park:lawn", "Monday 15:00", 1, 8, SamsNews, []);
        var opening = Turns(first, 40).First(t => t.Utterance.Contains("mayor", StringComparison.Ordinal));
        Assert.Contains("I am running for mayor", opening.Utterance, StringComparison.Ordinal);
        Assert.False(opening.End);

        var second = first with { Round = 2, Transcript = [$"Sam Moore: {opening.Utterance}", "Mei Lin: Oh, interesting!"] };
        var told = Turns(second, 200).Where(t => !t.End).ToList();
        Assert.NotEmpty(told);
        Assert.All(told, t => Assert.Contains("Isabella Rodriguez is planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm.", t.Utterance, StringComparison.Ordinal));
        Assert.All(told, t => Assert.DoesNotContain("mayor", t.Utterance, StringComparison.Ordinal));
    }

    [Fact]
    public void News_comes_up_in_some_conversations_not_all_and_a_host_invites_nearly_everyone()
    {
        double Share(string memory, string needle) =>
            Turns(new ConversationTurnDecision("Sam Moore", "Mei Lin", "Johnson Park:lawn", "Monday 15:00", 1, 8, [memory], []), 300)
                .Count(t => t.Utterance.Contains(needle, StringComparison.Ordinal)) / 300.0;

        var own = Share(SamsNews[0], "mayor");
        var heard = Share(MemoryLines.Format(7, "Hiro Nakamura told me: \"I am retiring from the garden club.\""), "retiring");
        var invitation = Share(MemoryLines.Format(8, "I am planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm, and I want to invite everyone in town."), "Would you like to come?");

        Assert.InRange(own, 0.3, 0.7);
        Assert.InRange(heard, 0.01, 0.15);
        Assert.InRange(invitation, 0.8, 1.0);
    }

    [Fact]
    public void A_conversation_opens_with_the_partners_first_name()
    {
        var decision = new ConversationTurnDecision("Sam Moore", "David Okafor", "Johnson Park:lawn", "Monday 15:00", 1, 8, [], []);

        var openings = Enumerable.Range(0, 8).Select(seed => decision.Resolve(new ScriptedMind(seed).Answer(decision.Render())).Value.Utterance).ToList();

        Assert.All(openings, o => Assert.Contains("David", o, StringComparison.Ordinal));
        Assert.All(openings, o => Assert.DoesNotContain("David Okafor", o, StringComparison.Ordinal));
    }

    [Fact]
    public void News_heard_from_someone_is_passed_on_in_the_third_person_and_kept_with_its_source()
    {
        var turn = new ConversationTurnDecision("Mei Lin", "Hiro Nakamura", "Johnson Park:lawn", "Monday 16:00", 1, 8, [MemoryLines.Format(8, "Sam Moore told me: \"I am running for mayor in the local election next month; I want a greener town.\"")], []);
        var mind = Enumerable.Range(0, 100).Select(seed => new ScriptedMind(seed)).First(m => m.Answer(turn.Render()).Contains("mayor", StringComparison.Ordinal));
        var said = turn.Resolve(mind.Answer(turn.Render())).Value.Utterance;
        Assert.True(said.Contains("Sam Moore is running for mayor in the local election next month; Sam wants a greener town.", StringComparison.Ordinal), said);

        var summary = new ConversationSummaryDecision("Hiro Nakamura", "Mei Lin", "Johnson Park:lawn", [$"Mei Lin: {said}", "Hiro Nakamura: Really? Thanks for telling me. Take care!"]);
        Assert.Equal("Mei Lin told me: \"Sam Moore is running for mayor in the local election next month; Sam wants a greener town.\"", summary.Resolve(mind.Answer(summary.Render())).Value.Summary);
    }

    [Fact]
    public void An_invitation_heard_becomes_a_memo_to_attend_with_its_day_time_and_place()
    {
        var summary = new ConversationSummaryDecision("Mei Lin", "Isabella Rodriguez", "Hobbs Cafe:cafe",
            ["Isabella Rodriguez: Hi Mei! I am planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm. Would you like to come?", "Mei Lin: I'd love to come if I can. Take care!"]);

        var value = summary.Resolve(new ScriptedMind(4).Answer(summary.Render())).Value;

        Assert.Equal("I want to go to the Valentine's Day party at Hobbs Cafe on February 14 from 17:00 to 19:00.", value.Memo);
        Assert.StartsWith("Isabella Rodriguez told me: \"Isabella Rodriguez is planning a Valentine's Day party", value.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Focal_questions_are_real_questions_about_the_agent_and_what_it_heard()
    {
        var decision = new FocalQuestionsDecision("Ayesha Khan",
        [
            MemoryLines.Format(3, "the desk b is in use by Lucia Rossi for working on a sculpture"),
            MemoryLines.Format(4, "I chatted with Lucia Rossi at Oak Hill College about our plans for the day."),
            MemoryLines.Format(8, "Kevin Lin told me: \"Isabella Rodriguez is planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm.\""),
            MemoryLines.Format(7, "Tom Becker told me: \"Sam Moore is running for mayor in the local election next month.\""),
        ]);

        var questions = decision.Resolve(new ScriptedMind(1).Answer(decision.Render()));

        Assert.False(questions.FellBack);
        Assert.All(questions.Value, q => Assert.Contains("Ayesha Khan", q, StringComparison.Ordinal));
        Assert.All(questions.Value, q => Assert.DoesNotContain(":", q, StringComparison.Ordinal));
        Assert.Contains(questions.Value, q => q.Contains("Valentine's Day party", StringComparison.Ordinal));
        Assert.Contains(questions.Value, q => q.Contains("Sam Moore running for mayor", StringComparison.Ordinal));
    }

    [Fact]
    public void Insights_are_in_the_third_person_and_cite_the_memories_behind_them()
    {
        var decision = new InsightsDecision("Ayesha Khan", "Will Ayesha Khan go to the Valentine's Day party?",
        [
            "Kevin Lin told me: \"Isabella Rodriguez is planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm.\"",
            "Lucia Rossi is my roommate; she is an art student and messy but lovely.",
            "I want to go to the Valentine's Day party at Hobbs Cafe on February 14 from 17:00 to 19:00.",
            "Lucia Rossi is working on a sculpture",
        ]);

        var insights = decision.Resolve(new ScriptedMind(1).Answer(decision.Render()));

        Assert.False(insights.FellBack);
        Assert.Equal("Ayesha Khan plans to go to the Valentine's Day party", insights.Value[0].Text);
        Assert.Equal([1, 3], insights.Value[0].Evidence);
        Assert.All(insights.Value, i => Assert.DoesNotMatch(@"\b(I|my|me|keeps in mind)\b", i.Text));
        Assert.Contains(insights.Value, i => i.Text == "Ayesha Khan heard from Kevin Lin that Isabella Rodriguez is planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm");
    }

    [Fact]
    public void A_summary_keeps_the_news_heard_and_who_said_it_in_the_third_person()
    {
        var decision = new ConversationSummaryDecision("Mei Lin", "Sam Moore", "Johnson Park:lawn", ["Sam Moore: Hi Mei Lin! I am running for mayor in the local election next month.", "Mei Lin: Oh, interesting! Take care!"]);

        var summary = decision.Resolve(new ScriptedMind(2).Answer(decision.Render()));

        Assert.False(summary.FellBack);
        Assert.Equal("Sam Moore told me: \"Sam Moore is running for mayor in the local election next month.\"", summary.Value.Summary);
    }

    [Fact]
    public void The_same_prompt_gets_the_same_reply_and_seeds_vary_the_wording()
    {
        var decision = new ConversationTurnDecision("Sam Moore", "Mei Lin", "Johnson Park:lawn", "Monday 15:00", 1, 8, [], []);
        var replies = Enumerable.Range(0, 12).Select(seed => new ScriptedMind(seed).Answer(decision.Render())).ToList();

        Assert.Equal(new ScriptedMind(4).Answer(decision.Render()), new ScriptedMind(4).Answer(decision.Render()));
        Assert.True(replies.Distinct().Count() > 1);
    }

    [Fact]
    public void Place_choice_follows_the_habit_that_matches_the_task()
    {
        var habits = Retired.Select(Habits.Describe).ToList();
        var sector = new PlaceChoiceDecision("Sam Moore", "have tea at the cafe", PlaceLevel.Sector, string.Empty, "Moore House:kitchen", "Moore House:bedroom", habits, ["Hobbs Cafe", "Johnson Park", "Moore House"]);
        var obj = new PlaceChoiceDecision("Sam Moore", "have tea at the cafe", PlaceLevel.Object, "Hobbs Cafe:cafe", string.Empty, "Moore House:bedroom", habits, ["counter", "table 1", "table 2"]);
        var mind = new ScriptedMind(0);

        Assert.Equal("Hobbs Cafe", mind.Answer(sector.Render()));
        Assert.Equal("table 2", mind.Answer(obj.Render()));
    }

    [Fact]
    public void Importance_ranks_news_above_routine_and_sleep_lowest()
    {
        var mind = new ScriptedMind(0);
        int Rate(string text) => new ImportanceDecision("A", text).Resolve(mind.Answer(new ImportanceDecision("A", text).Render())).Value;

        Assert.True(Rate("Sam Moore is running for mayor") > Rate("the stove is cooking"));
        Assert.Equal(1, Rate("Sam Moore is sleeping"));
    }

    [Theory]
    [InlineData("Sam Moore told me at The Rose and Crown Pub:bar: I am planning a Valentine's Day party at Hobbs Cafe on February 14 from 5 to 7 pm.", "Hobbs Cafe")]
    [InlineData("Yuki Nakamura told me at Willow Market and Pharmacy:market: I want to go to the Valentine's Day party at Hobbs Cafe on February 14 from 17:00 to 19:00.", "Hobbs Cafe")]
    [InlineData("We will hold a town meeting at The Rose and Crown Pub on March 3 from 8 to 9 pm.", "The Rose and Crown Pub")]
    public void An_event_is_placed_where_its_text_says_it_happens(string text, string place)
    {
        var plan = Plan(Retired, new DateOnly(2023, text.Contains("March", StringComparison.Ordinal) ? 3 : 2, text.Contains("March", StringComparison.Ordinal) ? 3 : 14), text);

        Assert.Contains(plan, p => p.Activity.EndsWith(" at " + place, StringComparison.Ordinal));
    }
}
