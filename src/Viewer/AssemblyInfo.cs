// The Agents.Viewer assembly. See ../shared/DESIGN.md for its place in the project.
[assembly: System.CLSCompliant(false)]
