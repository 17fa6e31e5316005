using System.Threading.Channels;
using Agents.Runtime.Inference.Constraints;

namespace Agents.Runtime.Inference;

/// <summary>One reply in flight: its prompt, sampler, constraint state, slot and output channel. Touched by the model thread only, but for the cancel flag.</summary>
internal sealed class Sequence(int[] prompt, SamplingOptions options, TokenConstraint? constraint, IReadOnlyList<string> stops)
{
    private volatile bool cancelled;

    public int[] Prompt { get; } = prompt;

    public SamplingOptions Options { get; } = options;

    public Sampler Sampler { get; } = new(options, prompt);

    public TokenConstraint? Constraint { get; } = constraint;

    public int ConstraintState { get; set; } = constraint?.Start ?? 0;

    public StopText Stops { get; } = new(stops);

    public Channel<GenerationChunk> Output { get; } = Channel.CreateUnbounded<GenerationChunk>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });

    public List<int> Generated { get; } = [];

    public int Slot { get; set; } = -1;

    /// <summary>The last sampled token, not yet written to the cache.</summary>
    public int Pending { get; set; } = -1;

    public CancellationToken CancellationToken { get; init; }

    public bool IsCancelled => cancelled;

    public void Cancel() => cancelled = true;
}
