using Agents.Runtime.Checkpoints;
using Agents.Runtime.Inference;
using Agents.Runtime.Serving;
using Agents.Runtime.Tests.Inference;

namespace Agents.Runtime.Tests.Serving;

[Collection(TinyChatCollection.Name)]
public sealed class LocalModelHostTests(TinyChatModel tiny) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("host-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_saved_model_folder_loads_and_answers_like_the_model_it_was_saved_from()
    {
        await tiny.Thread.RunAsync(() => ModelFolder.Save(folder, tiny.Model, tiny.Tokenizer));
        await using var original = new InferenceEngine(tiny.Thread, tiny.Model, tiny.Tokenizer);
        var expected = await original.GenerateAsync(TinyChatModel.Greeting("Ayesha"), new SamplingOptions(MaxTokens: 30));

        await using var host = await LocalModelHost.LoadAsync(folder, new EngineOptions(Slots: 2), device: "cpu", threads: 1, modelId: "tiny");
        var reply = await host.Engine.GenerateAsync(TinyChatModel.Greeting("Ayesha"), new SamplingOptions(MaxTokens: 30));
        Assert.Equal(expected.Text, reply.Text);
        Assert.Equal("tiny", host.ChatClient.ModelId);
    }

    [Fact]
    public async Task A_missing_folder_is_named_in_the_error()
    {
        var missing = Path.Combine(folder, "nope");
        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => LocalModelHost.LoadAsync(missing, new EngineOptions()));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
