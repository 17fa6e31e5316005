using System.Globalization;
using Agents.World.Simulation;
using MessagePack;

namespace Agents.World.Runs;

/// <summary>
/// Snapshot files of a run: <c>snapshots/step-000000360.msgpack</c>, one per N steps, each written to a temporary
/// file and renamed, so a file that exists is whole.
/// </summary>
public sealed class SnapshotStore(string folder)
{
    /// <summary>Writes the snapshot of a town whose next step is <see cref="TownSnapshot.Step"/>.</summary>
    public void Write(TownSnapshot snapshot)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(snapshot.Step);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, MessagePackSerializer.Serialize(snapshot));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The steps of the snapshots on disk, ascending.</summary>
    public IReadOnlyList<long> Steps()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var steps = new List<long>();
        foreach (var file in Directory.EnumerateFiles(folder, "step-*.msgpack"))
        {
            var name = Path.GetFileNameWithoutExtension(file)["step-".Length..];
            if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var step))
            {
                steps.Add(step);
            }
        }

        steps.Sort();
        return steps;
    }

    /// <summary>Reads the snapshot taken before <paramref name="step"/>, naming the file when it is damaged.</summary>
    public TownSnapshot Read(long step)
    {
        var path = PathOf(step);
        try
        {
            return MessagePackSerializer.Deserialize<TownSnapshot>(File.ReadAllBytes(path), ComponentRegistry.ReadOptions);
        }
        catch (MessagePackSerializationException ex)
        {
            throw new RunException($"{path}: the snapshot is damaged ({ex.Message}).", ex);
        }
    }

    /// <summary>Deletes the snapshots after <paramref name="step"/> (they describe steps that are being re-run).</summary>
    public void DeleteAfter(long step)
    {
        foreach (var s in Steps().Where(s => s > step))
        {
            File.Delete(PathOf(s));
        }
    }

    private string PathOf(long step) => Path.Combine(folder, $"step-{step.ToString("D9", CultureInfo.InvariantCulture)}.msgpack");
}
