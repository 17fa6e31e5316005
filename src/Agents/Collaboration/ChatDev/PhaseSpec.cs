namespace Agents.Collaboration.ChatDev;

/// <summary>One phase of a chat chain: a conversation between an instructor and an assistant on a prompt.</summary>
/// <param name="Name">The phase's name, e.g. "DemandAnalysis".</param>
/// <param name="Instructor">The instructing role, e.g. "Chief Executive Officer".</param>
/// <param name="Assistant">The assisting role, e.g. "Chief Product Officer".</param>
/// <param name="Prompt">The phase's prompt; {name} placeholders are filled from the chain's artifacts (e.g. {task}, {codes}, {test_reports}).</param>
/// <param name="TurnLimit">Exchanges (an instructor turn and an assistant reply) before the phase ends without conclusion.</param>
/// <param name="Output">The artifact the phase's conclusion is stored under, e.g. "modality"; null keeps none.</param>
/// <param name="Reflect">True to hold a one-turn reflection when the phase ends without a conclusion.</param>
/// <param name="WritesCode">True when the assistant's code blocks update the chain's files (coding, completion, modification phases).</param>
/// <param name="RunsTests">True when the tester runs the files before the phase; passing tests skip the phase and end its composed cycle.</param>
/// <param name="CompletesCode">True when the files are checked for placeholders before the phase ({unimplemented}); complete files skip the phase and end its composed cycle.</param>
/// <param name="WritesFile">
/// The document the assistant writes, e.g. "requirements.txt" or "manual.md" (ChatDev's environment and manual
/// phases): its code block of that name (or its unnamed block), else its reply without the conclusion line. The
/// document is kept apart from the code files (it is neither run nor scored) and is the artifact named by the file's
/// stem ({requirements}, {manual}); null writes none.
/// </param>
public sealed record PhaseSpec(
    string Name,
    string Instructor,
    string Assistant,
    string Prompt,
    int TurnLimit = 10,
    string? Output = null,
    bool Reflect = true,
    bool WritesCode = false,
    bool RunsTests = false,
    bool CompletesCode = false,
    string? WritesFile = null);
