namespace Agents.Runtime.Evaluation;

/// <summary>How much of a held-out set to evaluate.</summary>
/// <param name="PerType">At most this many decisions of each type, in file order (the distilled file is shuffled).</param>
/// <param name="MaxReplyTokens">Cap on a greedy reply's length (besides twice the teacher's reply plus 16).</param>
public sealed record ReplyEvaluationOptions(int PerType = 40, int MaxReplyTokens = 384);
