using Agents.World.Ecs;

namespace Agents.World.Tests.Ecs;

public sealed class EntityTests
{
    [Fact]
    public void Default_entity_is_Null_and_reports_itself_as_null()
    {
        Assert.Equal(Entity.Null, default);
        Assert.True(default(Entity).IsNull);
        Assert.False(new Entity(0, 1).IsNull);
        Assert.Equal("Entity.Null", Entity.Null.ToString());
    }

    [Fact]
    public void Entities_order_by_id_then_version()
    {
        var sorted = new[] { new Entity(3, 1), new Entity(1, 2), new Entity(1, 1) }.Order().ToArray();
        Assert.Equal([new Entity(1, 1), new Entity(1, 2), new Entity(3, 1)], sorted);
    }

    [Fact]
    public void Entity_text_names_its_id_and_version()
    {
        Assert.Equal("Entity 12 (version 3)", new Entity(12, 3).ToString());
    }
}
