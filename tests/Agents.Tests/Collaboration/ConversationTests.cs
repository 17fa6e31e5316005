using Agents.Collaboration;

namespace Agents.Tests.Collaboration;

public sealed class ConversationTests
{
    private static Conversation Make(ITerminationRule rule) =>
        new("Is 2+2 four?", [new ConversationRole("a"), new ConversationRole("b"), new ConversationRole("c")], rule);

    [Fact]
    public void Addressed_turns_are_seen_only_by_speaker_and_audience()
    {
        var talk = Make(TerminationRules.TurnLimit(10));
        talk.Say("a", "public");
        talk.Say("a", "secret for b", ["b"]);

        Assert.Equal(2, talk.VisibleTo("b").Count);
        Assert.Equal(2, talk.VisibleTo("a").Count);
        Assert.Single(talk.VisibleTo("c"));
    }

    [Fact]
    public void Turn_limit_ends_the_conversation_and_refuses_more_turns()
    {
        var talk = Make(TerminationRules.TurnLimit(2));
        talk.Say("a", "one");
        Assert.False(talk.IsOver);
        talk.Say("b", "two");

        Assert.True(talk.IsOver);
        Assert.Contains("turn limit", talk.StopReason, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => talk.Say("c", "three"));
    }

    [Fact]
    public void Info_marker_on_the_last_line_concludes_but_not_elsewhere()
    {
        var talk = Make(TerminationRules.Any(TerminationRules.TurnLimit(10), TerminationRules.Marker()));
        talk.Say("a", "<INFO> not last line\nstill talking");
        Assert.False(talk.IsOver);
        talk.Say("b", "done\n<INFO> Python");

        Assert.True(talk.IsOver);
        Assert.Equal("Python", TerminationRules.ConclusionOf(talk.Turns[^1].Text));
    }

    [Fact]
    public void Round_limit_counts_rounds()
    {
        var talk = Make(TerminationRules.RoundLimit(2));
        talk.Say("a", "r0");
        talk.NextRound();
        talk.Say("a", "r1");
        Assert.False(talk.IsOver);
        talk.NextRound();

        Assert.True(talk.IsOver);
        Assert.Single(talk.InRound(1));
    }

    [Fact]
    public void Transcript_round_trips_through_jsonl_and_prints_every_turn()
    {
        var talk = Make(TerminationRules.TurnLimit(5));
        talk.Say("a", "first line\nsecond line");
        talk.NextRound();
        talk.Say("b", "to a only", ["a"]);
        var path = Path.Combine(Path.GetTempPath(), $"transcript-{Guid.NewGuid():N}.jsonl");
        try
        {
            TranscriptFile.Write(talk, path);
            var read = TranscriptFile.Read(path);

            Assert.Equal(2, File.ReadAllLines(path).Length);
            Assert.Equal(talk.Turns[0], read[0]);
            Assert.Equal(1, read[1].Round);
            Assert.Equal(["a"], read[1].Audience!);
        }
        finally
        {
            File.Delete(path);
        }

        var printed = talk.Print();
        Assert.Contains("[round 0] a:\n  first line\n  second line", printed, StringComparison.Ordinal);
        Assert.Contains("[round 1] b -> a:", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_broken_transcript_names_the_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"transcript-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"index\":0,\"round\":0,\"speaker\":\"a\",\"text\":\"hi\"}\nnot json\n");
        try
        {
            var error = Assert.Throws<TranscriptFormatException>(() => TranscriptFile.Read(path));
            Assert.Contains(":2:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
