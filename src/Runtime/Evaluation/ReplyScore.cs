namespace Agents.Runtime.Evaluation;

/// <summary>How a model's replies compare with the teacher's on one decision type (or overall).</summary>
/// <param name="Type">The decision type, or "all".</param>
/// <param name="Count">Held-out decisions evaluated.</param>
/// <param name="Valid">Share of greedy replies, without constraints, that match the decision's reply shape in full (null when no line records a shape).</param>
/// <param name="Exact">Share of greedy replies equal to the teacher's (after trimming).</param>
/// <param name="Similarity">Mean word-level F1 between the greedy reply and the teacher's (1 for equal replies).</param>
/// <param name="Loss">Mean cross-entropy per reply token of the teacher's reply given the prompt (nats).</param>
/// <param name="TooLong">Decisions skipped because their prompt does not fit the model's context.</param>
public sealed record ReplyScore(string Type, int Count, double? Valid, double Exact, double Similarity, double Loss, int TooLong);
