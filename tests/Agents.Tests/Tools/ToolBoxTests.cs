using Agents.Tools;

namespace Agents.Tests.Tools;

public sealed class ToolBoxTests
{
    private static readonly Dictionary<string, string> Documents = new()
    {
        ["Ada Byron"] = "Ada Byron is a painter. She lives in Oakvale. Ada was born in 1990. Ada paints rivers.",
        ["Oakvale"] = "Oakvale is a town on the river Lune. Oakvale has 3000 people.",
    };

    [Theory]
    [InlineData("Calculate[2+3]", "Calculate", "2+3")]
    [InlineData("Search[Ada Byron].", "Search", "Ada Byron")]
    [InlineData("Calculate({\"expression\": \"1+1\"})", "Calculate", "{\"expression\": \"1+1\"}")]
    [InlineData("{\"tool\": \"Lookup\", \"arguments\": {\"keyword\": \"born\"}}", "Lookup", "{\"keyword\": \"born\"}")]
    public void Actions_parse_in_bracket_and_json_shapes(string text, string name, string argument)
    {
        Assert.True(ActionParser.TryParse(text, out var action));
        Assert.Equal(name, action.Name);
        Assert.Equal(argument, action.Argument);
    }

    [Theory]
    [InlineData("I should calculate")]
    [InlineData("Calculate 2+3")]
    [InlineData("{\"arguments\": 1}")]
    public void Prose_is_not_an_action(string text) => Assert.False(ActionParser.TryParse(text, out _));

    [Fact]
    public async Task Tools_are_kernel_functions_called_by_name_with_plain_or_json_arguments()
    {
        var tools = ToolBox.FromPlugins(new CalculatorPlugin(), new KnowledgeBasePlugin(Documents));

        Assert.Equal("5", await tools.InvokeAsync(new ToolAction("calculate", "2+3"), default));
        Assert.Equal("2", await tools.InvokeAsync(new ToolAction("Calculator.Calculate", "{\"expression\": \"1+1\"}"), default));
        Assert.Contains(tools.Describe(), line => line.StartsWith("Search[entity]:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_tools_and_bad_json_become_invalid_action_observations()
    {
        var tools = ToolBox.FromPlugins(new CalculatorPlugin());

        var unknown = await tools.InvokeAsync(new ToolAction("Teleport", "Mars"), default);
        var badJson = await tools.InvokeAsync(new ToolAction("Calculate", "{\"expression\": "), default);
        var missing = await tools.InvokeAsync(new ToolAction("Calculate", "{\"x\": \"1\"}"), default);

        Assert.StartsWith("Invalid action: unknown tool Teleport", unknown, StringComparison.Ordinal);
        Assert.StartsWith("Invalid action:", badJson, StringComparison.Ordinal);
        Assert.Equal("Invalid action: Calculate needs expression.", missing);
    }

    [Fact]
    public void Knowledge_base_searches_titles_and_looks_up_successive_sentences()
    {
        var kb = new KnowledgeBasePlugin(Documents);

        Assert.Equal("No document is open; use Search first.", kb.Lookup("born"));
        Assert.StartsWith("Ada Byron is a painter.", kb.Search("ada byron"), StringComparison.Ordinal);
        Assert.Equal("(Result 1 / 3) Ada Byron is a painter.", kb.Lookup("Ada"));
        Assert.Equal("(Result 2 / 3) Ada was born in 1990.", kb.Lookup("Ada"));
        Assert.Equal("Could not find Byron. Similar: Ada Byron.", kb.Search("Byron"));
    }

    [Fact]
    public void Clock_tells_the_given_time()
    {
        var clock = new ClockPlugin(() => new DateTimeOffset(2023, 2, 13, 8, 5, 0, TimeSpan.Zero));
        Assert.Equal("2023-02-13 08:05 (Monday)", clock.Now());
    }
}
