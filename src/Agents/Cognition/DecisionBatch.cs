using Agents.Decisions;
using Agents.Minds;

namespace Agents.Cognition;

/// <summary>The decisions of one step with what to do with each answer, applied in the order they were asked.</summary>
internal sealed class DecisionBatch
{
    private readonly List<IDecision> _decisions = [];
    private readonly List<Func<string?, bool>> _appliers = [];
    private readonly List<int> _agents = [];

    public int Count => _decisions.Count;

    public IReadOnlyList<IDecision> Decisions => _decisions;

    public IReadOnlyList<int> Agents => _agents;

    public void Ask<T>(int agent, Decision<T> decision, Action<DecisionOutcome<T>> apply)
    {
        _decisions.Add(decision);
        _agents.Add(agent);
        _appliers.Add(reply =>
        {
            var outcome = decision.Resolve(reply);
            apply(outcome);
            return outcome.FellBack;
        });
    }

    /// <summary>Applies each reply in order; returns which decisions fell back.</summary>
    public bool[] Apply(IReadOnlyList<MindReply?> replies)
    {
        var fellBack = new bool[_appliers.Count];
        for (var i = 0; i < _appliers.Count; i++)
        {
            fellBack[i] = _appliers[i](i < replies.Count ? replies[i]?.Text : null);
        }

        return fellBack;
    }

    public void Clear()
    {
        _decisions.Clear();
        _appliers.Clear();
        _agents.Clear();
    }
}
