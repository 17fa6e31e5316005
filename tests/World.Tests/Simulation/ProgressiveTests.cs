using Agents.World.Simulation;

namespace Agents.World.Tests.Simulation;

public sealed class ProgressiveTests
{
    [Theory]
    [InlineData("cook lunch for the guests", "cooking lunch for the guests")]
    [InlineData("write at the cafe", "writing at the cafe")]
    [InlineData("sit on the bench", "sitting on the bench")]
    [InlineData("shop for groceries", "shopping for groceries")]
    [InlineData("open the cafe", "opening the cafe")]
    [InlineData("visit the library", "visiting the library")]
    [InlineData("lie down", "lying down")]
    [InlineData("see a friend", "seeing a friend")]
    [InlineData("read on the sofa", "reading on the sofa")]
    [InlineData("play guitar", "playing guitar")]
    [InlineData("fix the sink", "fixing the sink")]
    [InlineData("sleep", "sleeping")]
    [InlineData("go to work", "going to work")]
    [InlineData("reading the paper", "reading the paper")]
    [InlineData("Take a walk", "Taking a walk")]
    public void Activities_read_as_what_someone_is_doing(string activity, string expected) =>
        Assert.Equal(expected, Progressive.Of(activity));
}
