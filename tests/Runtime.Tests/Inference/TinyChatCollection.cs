namespace Agents.Runtime.Tests.Inference;

/// <summary>Tests that share one trained <see cref="TinyChatModel"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TinyChatCollection : ICollectionFixture<TinyChatModel>
{
    public const string Name = "tiny chat model";
}
