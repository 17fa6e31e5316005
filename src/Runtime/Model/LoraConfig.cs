using System.Globalization;

namespace Agents.Runtime.Model;

/// <summary>
/// The shape of a LoRA adapter (Hu et al. 2021): each targeted projection W gets W + (alpha / rank) B A, with A
/// [rank, in] and B [out, rank]; plus which base model it was trained on. Saved as adapter_config.json.
/// While training, the adapter's input goes through dropout first, as in PEFT: (alpha / rank) B A dropout(x).
/// </summary>
/// <param name="Rank">Rank r of the low-rank change (at least 1).</param>
/// <param name="Alpha">Scale numerator: the change is multiplied by alpha / rank.</param>
/// <param name="Targets">The projections of every block that get an adapter.</param>
/// <param name="BaseModel">The base model folder the adapter was trained on (for the user; not checked).</param>
/// <param name="BaseModelSha256">Hash of the base weights (<see cref="Transformer"/> parameters in float32); loading onto other weights is refused.</param>
/// <param name="Dropout">Probability that an input value of the adapter is zeroed while training (the rest scaled by 1 / (1 - p)); in [0, 1). No effect in eval mode.</param>
public sealed record LoraConfig(int Rank, double Alpha, IReadOnlyList<Projection> Targets, string? BaseModel = null, string? BaseModelSha256 = null, double Dropout = 0)
{
    /// <summary>Every target, in block order: the names accepted by <see cref="ParseTargets"/>.</summary>
    public static IReadOnlyList<Projection> AllTargets { get; } = Enum.GetValues<Projection>();

    /// <summary>alpha / rank, the factor of B A.</summary>
    public double Scale => Alpha / Rank;

    /// <summary>The short name of a target, as --targets takes it: q, k, v, o, gate, up, down.</summary>
    public static string ShortName(Projection projection) => projection switch
    {
        Projection.Query => "q",
        Projection.Key => "k",
        Projection.Value => "v",
        Projection.Output => "o",
        Projection.Gate => "gate",
        Projection.Up => "up",
        _ => "down",
    };

    /// <summary>The module path of a target inside a block, as in the parameter names: self_attn.q_proj, ..., mlp.down_proj.</summary>
    public static string ModulePath(Projection projection) => projection switch
    {
        Projection.Query or Projection.Key or Projection.Value or Projection.Output => $"self_attn.{ShortName(projection)}_proj",
        _ => $"mlp.{ShortName(projection)}_proj",
    };

    /// <summary>Reads a comma-separated target list such as "q,v" or "q_proj,v_proj" (case-insensitive; "all" for every one).</summary>
    /// <exception cref="RuntimeOptionException">The list is empty or names an unknown target; the message names --targets.</exception>
    public static IReadOnlyList<Projection> ParseTargets(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new RuntimeOptionException($"--targets: expected a comma-separated list of {string.Join(", ", AllTargets.Select(ShortName))}, found \"{list}\".");
        }

        if (names.Length == 1 && names[0].Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return AllTargets;
        }

        var chosen = new HashSet<Projection>();
        foreach (var name in names)
        {
            var bare = name.EndsWith("_proj", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
            var match = AllTargets.Where(t => ShortName(t).Equals(bare, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                throw new RuntimeOptionException($"--targets: unknown target \"{name}\"; expected some of {string.Join(", ", AllTargets.Select(ShortName))}.");
            }

            chosen.Add(match[0]);
        }

        return AllTargets.Where(chosen.Contains).ToList();
    }

    /// <summary>Checks rank, alpha, targets and dropout; the message names the option (--rank, --alpha, --targets, --lora-dropout).</summary>
    /// <exception cref="RuntimeOptionException">A value is out of range.</exception>
    public LoraConfig Validate()
    {
        if (Rank < 1)
        {
            throw new RuntimeOptionException($"--rank: expected a LoRA rank of at least 1, found {Rank}.");
        }

        if (!(Alpha > 0) || !double.IsFinite(Alpha))
        {
            throw new RuntimeOptionException($"--alpha: expected a LoRA alpha > 0, found {Alpha.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (Targets.Count == 0 || Targets.Distinct().Count() != Targets.Count || Targets.Any(t => !Enum.IsDefined(t)))
        {
            throw new RuntimeOptionException($"--targets: expected distinct targets among {string.Join(", ", AllTargets.Select(ShortName))}, found [{string.Join(", ", Targets)}].");
        }

        if (!(Dropout is >= 0 and < 1))
        {
            throw new RuntimeOptionException($"--lora-dropout: expected a dropout probability p with 0 <= p < 1, found {Dropout.ToString(CultureInfo.InvariantCulture)}.");
        }

        return this;
    }

    /// <summary>Input and output width of <paramref name="projection"/> in a model of shape <paramref name="model"/>.</summary>
    public static (int In, int Out) Shape(ModelConfig model, Projection projection) => projection switch
    {
        Projection.Query => (model.Width, model.Heads * model.HeadSize),
        Projection.Key or Projection.Value => (model.Width, model.KeyValueHeads * model.HeadSize),
        Projection.Output => (model.Heads * model.HeadSize, model.Width),
        Projection.Gate or Projection.Up => (model.Width, model.HiddenSize),
        _ => (model.HiddenSize, model.Width),
    };

    /// <summary>Trainable parameters of this adapter on a model of shape <paramref name="model"/>: layers x sum over targets of rank x (in + out).</summary>
    public long ParameterCount(ModelConfig model) =>
        model.Layers * Targets.Sum(t => (long)Rank * (Shape(model, t).In + Shape(model, t).Out));

    /// <summary>True when rank, alpha and targets are the same (neither the base fields nor dropout are compared).</summary>
    public bool SameShape(LoraConfig other) => Rank == other.Rank && Alpha.Equals(other.Alpha) && Targets.SequenceEqual(other.Targets);
}
