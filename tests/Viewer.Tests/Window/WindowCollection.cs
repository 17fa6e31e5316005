namespace Agents.Viewer.Tests.Window;

[CollectionDefinition(Name)]
public sealed class WindowCollection : ICollectionFixture<Display>, ICollectionFixture<TinyRun>
{
    public const string Name = "window";
}
