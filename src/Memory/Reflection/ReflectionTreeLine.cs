namespace Agents.Memory.Reflection;

/// <summary>One line of a depth-first walk of the reflection tree.</summary>
/// <param name="Memory">The memory on this line.</param>
/// <param name="Level">0 for a root, 1 for its evidence, and so on down.</param>
/// <param name="SeenBefore">True when the memory already appeared earlier in the walk (evidence shared by several
/// reflections); its evidence is then not repeated below it.</param>
public sealed record ReflectionTreeLine(MemoryRecord Memory, int Level, bool SeenBefore);
