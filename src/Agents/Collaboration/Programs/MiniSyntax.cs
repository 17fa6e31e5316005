namespace Agents.Collaboration.Programs;

// The syntax tree of Mini: small immutable nodes, kept together because they are one concept and only the parser and
// the interpreter see them. Names are resolved while parsing: locals to frame slots, calls and globals to shared
// slots that the program fills as it defines them.

/// <summary>Where a node starts in the source.</summary>
internal readonly record struct MiniPlace(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

internal abstract record MiniExpr(MiniPlace Place);

internal sealed record LiteralExpr(MiniPlace Place, MiniValue Value) : MiniExpr(Place);

internal sealed record LocalExpr(MiniPlace Place, string Name, int Slot) : MiniExpr(Place);

internal sealed record GlobalExpr(MiniPlace Place, MiniGlobal Global) : MiniExpr(Place);

internal sealed record ListExpr(MiniPlace Place, MiniExpr[] Items) : MiniExpr(Place);

internal sealed record UnaryExpr(MiniPlace Place, string Op, MiniExpr Operand) : MiniExpr(Place);

internal sealed record BinaryExpr(MiniPlace Place, string Op, MiniExpr Left, MiniExpr Right) : MiniExpr(Place);

internal sealed record LogicExpr(MiniPlace Place, bool IsAnd, MiniExpr Left, MiniExpr Right) : MiniExpr(Place);

internal sealed record IfExpr(MiniPlace Place, MiniExpr Condition, MiniExpr Then, MiniExpr Else) : MiniExpr(Place);

internal sealed record BlockExpr(MiniPlace Place, (int Slot, MiniExpr Value)[] Lets, MiniExpr Result) : MiniExpr(Place);

internal sealed record CallExpr(MiniPlace Place, MiniFunctionSlot Function, MiniExpr[] Arguments) : MiniExpr(Place);

internal sealed record BuiltinExpr(MiniPlace Place, string Name, MiniExpr[] Arguments) : MiniExpr(Place);

internal sealed record IndexExpr(MiniPlace Place, MiniExpr Target, MiniExpr Index) : MiniExpr(Place);

internal sealed record SliceExpr(MiniPlace Place, MiniExpr Target, MiniExpr? From, MiniExpr? To) : MiniExpr(Place);

/// <summary>A function definition: parameters take slots 0..n-1 of its frame, its lets the slots after them.</summary>
internal sealed record MiniFunctionDefinition(string Name, string[] Parameters, MiniExpr Body, int FrameSize, MiniPlace Place, int EndLine);

/// <summary>A function by name, shared by every call; defined once the parser reaches its "fn".</summary>
internal sealed class MiniFunctionSlot(string name, MiniPlace firstUse)
{
    public string Name { get; } = name;

    public MiniPlace FirstUse { get; } = firstUse;

    public int FirstArity { get; set; } = -1;

    public MiniFunctionDefinition? Definition { get; set; }
}

/// <summary>A top-level "let", evaluated once per run in the order of definition.</summary>
internal sealed class MiniGlobal(string name, int index, MiniPlace firstUse)
{
    public string Name { get; } = name;

    public int Index { get; } = index;

    public MiniPlace FirstUse { get; } = firstUse;

    public MiniExpr? Value { get; set; }

    public int FrameSize { get; set; }

    public MiniPlace? Place { get; set; }
}
