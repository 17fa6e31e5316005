namespace Agents.Arena;

/// <summary>A strategy whose prompts open with an instruction that can be replaced (what <see cref="PromptEvolution"/> improves).</summary>
public interface IInstructedStrategy : IArenaStrategy
{
    /// <summary>The instruction its prompts use now (the default when none was given).</summary>
    string Instruction { get; }

    /// <summary>The same strategy with <paramref name="instruction"/>, under the same name.</summary>
    IInstructedStrategy WithInstruction(string instruction);
}
