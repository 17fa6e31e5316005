namespace Agents.Runtime.Training;

/// <summary>How a policy ranks the replies of a set of preference pairs, against the frozen reference.</summary>
/// <param name="Pairs">Pairs measured.</param>
/// <param name="Loss">Mean DPO loss, -log sigmoid(beta * margin); log 2 (0.693) when the policy is the reference.</param>
/// <param name="RewardMargin">Mean of beta * ((pi_c - ref_c) - (pi_r - ref_r)): the implicit reward of the chosen reply minus the rejected one's.</param>
/// <param name="Accuracy">Share of pairs whose chosen reply earns the larger implicit reward (ties count as wrong).</param>
/// <param name="LogProbabilityMargin">Mean of pi_c - pi_r: how much likelier the policy finds the chosen reply, in nats.</param>
/// <param name="PreferredShare">Share of pairs where the policy finds the chosen reply likelier than the rejected one (pi_c &gt; pi_r).</param>
public sealed record PreferenceStatistics(int Pairs, double Loss, double RewardMargin, double Accuracy, double LogProbabilityMargin, double PreferredShare);
