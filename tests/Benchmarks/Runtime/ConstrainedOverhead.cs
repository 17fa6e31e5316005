using System.Diagnostics;
using System.Text.Json;
using Agents.Runtime.Inference;
using Agents.Runtime.Threading;

namespace Agents.Benchmarks.Runtime;

/// <summary>
/// Constrained against unconstrained decoding in the same run: 64 sampled replies (16 slots), free, with a
/// free-text regex that never ends early (so both run the same number of tokens: the per-token cost of masking), and
/// with a JSON schema (shorter replies, many recogniser states; cold = masks computed on the way, warm = cached).
/// Compared by generated tokens per second.
/// </summary>
public static class ConstrainedOverhead
{
    private const string Schema = """
        {"type":"object","properties":{"name":{"type":"string","minLength":1,"maxLength":12},"mood":{"enum":["happy","sad","tired"]},
         "age":{"type":"integer","minimum":0,"maximum":120},"tags":{"type":"array","items":{"type":"string","maxLength":6},"minItems":1,"maxItems":4}}}
        """;

    public static async Task RunAsync(int tokens, int threads, TextWriter output)
    {
        using var thread = new ModelThread(threads);
        var (model, tokenizer) = await BenchModel.CreateAsync(thread);
        await using var engine = new InferenceEngine(thread, model, tokenizer, new EngineOptions(Slots: 16, MaxQueue: 64, MaxTokens: tokens));
        using var schema = JsonDocument.Parse(Schema);
        var constraint = OutputConstraint.ForJsonSchema(schema.RootElement);

        async Task<double> Measure(OutputConstraint? c, int seedBase)
        {
            var clock = Stopwatch.StartNew();
            var replies = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
                engine.GenerateAsync(BenchModel.Prompt(tokenizer, 24, i), new SamplingOptions(MaxTokens: tokens, Temperature: 1, Seed: seedBase + i, Constraint: c))));
            return replies.Sum(r => r.CompletionTokens) / clock.Elapsed.TotalSeconds;
        }

        var text = OutputConstraint.ForRegex("[^<>|]*");
        var cold = await Measure(constraint, 0);
        var free = await Measure(null, 1000);
        var regex = await Measure(text, 1000);
        var warm = await Measure(constraint, 2000);
        var freeAgain = await Measure(null, 1000);
        var regexAgain = await Measure(text, 1000);
        var baseline = (free + freeAgain) / 2;
        var masked = (regex + regexAgain) / 2;
        output.WriteLine($"model: {model.Config.ParameterCount:N0} parameters, 64 sampled replies of up to {tokens} tokens, 16 slots, threads {threads}");
        output.WriteLine($"unconstrained           : {baseline,7:N0} tokens/s");
        output.WriteLine($"free-text regex         : {masked,7:N0} tokens/s -> overhead {(1 - (masked / baseline)):P0}");
        output.WriteLine($"JSON schema, warm masks : {warm,7:N0} tokens/s -> overhead {(1 - (warm / baseline)):P0}");
        output.WriteLine($"JSON schema, cold masks : {cold,7:N0} tokens/s -> overhead {(1 - (cold / baseline)):P0}");
    }
}
