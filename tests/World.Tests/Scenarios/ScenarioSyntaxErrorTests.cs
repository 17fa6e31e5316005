using Agents.World.Scenarios;
using static Agents.World.Tests.Scenarios.ScenarioText;

namespace Agents.World.Tests.Scenarios;

/// <summary>Errors of keys, types and values, and of the YAML itself: each at its exact line and column.</summary>
public sealed class ScenarioSyntaxErrorTests
{
    [Fact]
    public void Unknown_key_is_reported_at_the_key_with_a_did_you_mean_suggestion()
    {
        var yaml = With("start: 2023", "strat: 2023");

        var errors = ErrorsOf(yaml);

        var unknown = Single(errors, "unknown key 'strat'");
        Assert.Contains("did you mean 'start'?", unknown.Message, StringComparison.Ordinal);
        AssertAt(unknown, yaml, "strat:");
        Assert.Equal("test.yaml", unknown.File);
        Single(errors, "missing required key 'start'");
    }

    [Fact]
    public void Unknown_key_deep_inside_a_routine_names_its_path()
    {
        var yaml = With("do: work,", "doo: work,");

        var error = Single(ErrorsOf(yaml), "unknown key 'doo'");

        Assert.StartsWith("agents[0].routine[0]: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'do'?", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "doo:");
    }

    [Fact]
    public void Missing_required_key_is_reported_at_its_mapping()
    {
        var yaml = With("    age: 30\n", string.Empty);

        var error = Single(ErrorsOf(yaml), "missing required key 'age'");

        Assert.StartsWith("agents[0]: ", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "name: Ann");
    }

    [Fact]
    public void Wrong_type_names_what_was_expected_and_what_was_found()
    {
        var yaml = With("age: 30", "age: thirty");

        var error = Single(ErrorsOf(yaml), "agents[0].age");

        Assert.Contains("expected a whole number from 0 to 200, found 'thirty'", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "thirty");
    }

    [Fact]
    public void A_list_where_a_text_belongs_is_a_wrong_type()
    {
        var yaml = With("name: Test", "name: [a, b]");

        var error = Single(ErrorsOf(yaml), "name: expected");

        Assert.Contains("found a list", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "[a, b]");
    }

    [Theory]
    [InlineData("10 parsecs")]
    [InlineData("0s")]
    [InlineData("5m10h")]
    [InlineData("-3s")]
    public void Bad_duration_is_reported_at_its_value(string duration)
    {
        var yaml = With("start: 2023-02-13 08:00", $"start: 2023-02-13 08:00\nstep: {duration}");

        var error = Single(ErrorsOf(yaml), "step: expected a duration like 10s, 5m, 2h, 1d or 1h30m");

        Assert.Contains($"found '{duration}'", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, duration);
    }

    [Fact]
    public void Bad_date_time_is_reported_at_its_value()
    {
        var yaml = With("start: 2023-02-13 08:00", "start: 2023-13-45 08:00");

        var error = Single(ErrorsOf(yaml), "start: expected a date-time like 2023-02-13 08:00");

        Assert.Contains("found '2023-13-45 08:00'", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "2023-13-45");
    }

    [Fact]
    public void Bad_time_of_day_in_a_routine_is_reported_at_its_value()
    {
        var yaml = With("at: \"08:00\"", "at: \"25:00\"");

        var error = Single(ErrorsOf(yaml), "agents[0].routine[0].at");

        Assert.Contains("expected a time of day like \"06:30\", found '25:00'", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "\"25:00\"");
    }

    [Fact]
    public void Two_routine_items_at_the_same_time_are_an_error()
    {
        var yaml = With("at: \"18:00\"", "at: \"08:00\"");

        var error = Single(ErrorsOf(yaml), "agents[0].routine[1].at");

        Assert.Contains("found 08:00 again", error.Message, StringComparison.Ordinal);
        Assert.Equal(PositionOf(yaml, "do: sleep").Line, error.Line);
    }

    [Fact]
    public void Duplicate_agent_name_points_at_the_second_and_names_the_first_line()
    {
        var yaml = Valid + "\n  - name: Ann\n    age: 5\n    home: House:room\n";

        var error = Single(ErrorsOf(yaml), "duplicate agent name 'Ann'");

        var second = yaml.LastIndexOf("name: Ann", StringComparison.Ordinal);
        var secondLine = yaml[..second].Count(c => c == '\n') + 1;
        Assert.Equal((secondLine, 11), (error.Line, error.Column));
        Assert.Contains($"first declared at line {PositionOf(Valid, "name: Ann").Line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mind_settings_are_checked_per_kind()
    {
        var unknown = ErrorsOf(Valid + "\nmind: { kind: modle }\n");
        var endpoint = ErrorsOf(Valid + "\nmind: { kind: endpoint, endpoint: ftp://x, model: m }\n");
        var model = ErrorsOf(Valid + "\nmind: { kind: model }\n");

        var kind = Single(unknown, "mind.kind");
        Assert.Contains("did you mean 'model'?", kind.Message, StringComparison.Ordinal);
        Assert.Equal(PositionOf(Valid + "\nmind: { kind: modle }\n", "modle"), (kind.Line, kind.Column));
        var address = Single(endpoint, "mind.endpoint");
        Assert.Contains("expected an http:// or https:// address, found 'ftp://x'", address.Message, StringComparison.Ordinal);
        Assert.Equal(PositionOf(Valid + "\nmind: { kind: endpoint, endpoint: ftp://x, model: m }\n", "ftp://x"), (address.Line, address.Column));
        var missing = Single(model, "mind: missing required key 'model'");
        Assert.Equal(PositionOf(Valid + "\nmind: { kind: model }\n", "{ kind: model }"), (missing.Line, missing.Column));
    }

    [Fact]
    public void Out_of_range_constants_are_reported()
    {
        var yaml = Valid + "\nmemory: { recency_decay: 1.5, top_k: 0 }\nperception: { attention: 0 }\nsnapshot_every: -1\n";
        var errors = ErrorsOf(yaml);

        AssertAt(Single(errors, "memory.recency_decay: expected a number greater than 0 and at most 1, found '1.5'"), yaml, "1.5");
        AssertAt(Single(errors, "memory.top_k: expected a whole number of at least 1, found '0'"), yaml, "0 }\nperception");
        AssertAt(Single(errors, "perception.attention: expected a whole number from 1 to 1000, found '0'"), yaml, "0 }\nsnapshot");
        AssertAt(Single(errors, "snapshot_every: expected a whole number of at least 1, found '-1'"), yaml, "-1\n");
    }

    [Fact]
    public void Malformed_yaml_gives_file_line_and_column()
    {
        var yaml = With("age: 30", "age: [30");

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.StartsWith("malformed YAML: ", error.Message, StringComparison.Ordinal);
        Assert.Equal("test.yaml", error.File);
        Assert.InRange(error.Line, PositionOf(yaml, "age: [30").Line, yaml.Split('\n').Length);
        Assert.True(error.Column >= 1);
    }

    [Fact]
    public void Duplicate_key_is_malformed_yaml_at_the_second_key()
    {
        var yaml = With("name: Test\n", "name: Test\nseed: 1\nseed: 2\n");

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Contains("Duplicate key", error.Message, StringComparison.OrdinalIgnoreCase);
        AssertAt(error, yaml, "seed: 2");
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_is_rejected_at_its_start()
    {
        var error = Assert.Single(ErrorsOf("- just\n- a list\n"));

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("found a list", error.Message, StringComparison.Ordinal);
        Assert.Contains("found an empty file", Assert.Single(ErrorsOf("# nothing\n")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_scenario_file_names_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "s.yaml");

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.File);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("no such file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_errors_of_a_file_are_reported_at_once_in_line_order_one_per_message_line()
    {
        var yaml = With("start: 2023-02-13 08:00", "start: someday")
            .Replace("age: 30", "age: old", StringComparison.Ordinal)
            .Replace("home: House:room", "home: Castle:hall", StringComparison.Ordinal)
            .Replace("name: Test", "nmae: Test", StringComparison.Ordinal);

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, FileName));

        Assert.True(e.Errors.Count >= 4, string.Join("\n", e.Errors));
        Assert.Equal(e.Errors.OrderBy(x => x.Line).ThenBy(x => x.Column), e.Errors);
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal(e.Errors.Count, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^test\.yaml:\d+:\d+: ", l));
    }
}
