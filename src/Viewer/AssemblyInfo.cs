// The Agents.Viewer assembly. See ../shared/DESIGN.md for its place in the project.
[assembly: System.CLSCompliant(false)]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Agents.Viewer.Tests")]
