using Agents.Runtime.Training;

namespace Agents.Runtime.Tests.Training;

public sealed class TrainConfigFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cfg-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_config_file_sets_model_shape_and_training_options()
    {
        var path = Path.Combine(folder, "train.json");
        File.WriteAllText(path, """
            {
              // comments are allowed
              "model": { "layers": 6, "width": 192, "heads": 6, "key_value_heads": 3, "hidden_size": 512 },
              "training": { "steps": 77, "learning_rate": 0.0005, "bf16": true },
            }
            """);
        var file = TrainConfigFile.Load(path);
        Assert.Equal(6, file.Model!.Layers);
        Assert.Equal(3, file.Model.KeyValueHeads);
        Assert.Equal(256, file.Model.ContextLength);
        Assert.Equal(77, file.Training!.Steps);
        Assert.True(file.Training.Bf16);
        Assert.Equal(new TrainingOptions().BatchSize, file.Training.BatchSize);
    }

    [Fact]
    public void An_unknown_field_is_reported_with_file_and_line()
    {
        var path = Path.Combine(folder, "train.json");
        File.WriteAllText(path, "{\n  \"training\": {\n    \"stepz\": 5\n  }\n}");
        var error = Assert.Throws<DatasetFormatException>(() => TrainConfigFile.Load(path));
        Assert.StartsWith($"{path}:3:", error.Message);
        Assert.Contains("stepz", error.Message);
    }
}
