using Agents.Runtime.Faces;
using Agents.Runtime.Inference;
using Microsoft.Extensions.AI;

namespace Agents.Runtime.Tests.Faces;

public sealed class ChatOptionsMappingTests
{
    [Fact]
    public void A_guided_regex_property_becomes_the_reply_constraint()
    {
        var options = new ChatOptions { AdditionalProperties = new() { [ChatOptionsMapping.RegexProperty] = "Say: [a-z]+\nEnd: (yes|no)" } };

        var sampling = ChatOptionsMapping.ToSampling(options, new SamplingOptions());

        Assert.Equal("Say: [a-z]+\nEnd: (yes|no)", sampling.Constraint?.Regex);
    }

    [Fact]
    public void A_json_schema_response_format_wins_over_a_guided_regex()
    {
        var schema = ChatOptionsMapping.ParseSchema("""{"type":"object","properties":{"n":{"type":"integer"}}}""");
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema),
            AdditionalProperties = new() { [ChatOptionsMapping.RegexProperty] = "x+" },
        };

        var sampling = ChatOptionsMapping.ToSampling(options, new SamplingOptions());

        Assert.Null(sampling.Constraint?.Regex);
        Assert.NotNull(sampling.Constraint?.JsonSchema);
    }
}
