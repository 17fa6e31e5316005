using Agents.World.Map;
using CsCheck;

namespace Agents.World.Tests.Map;

public sealed class LruCacheTests
{
    [Fact]
    public void The_cache_behaves_like_a_list_ordered_by_last_use()
    {
        // Each operation: (isSet, key, value); the model keeps (key, value) pairs, most recent first.
        Gen.Select(Gen.Int[0, 4], Gen.Select(Gen.Bool, Gen.Int[0, 6], Gen.Int[0, 100]).Array[0, 60])
            .Sample((capacity, ops) =>
            {
                var cache = new LruCache<int, int>(capacity);
                var model = new List<(int Key, int Value)>();
                foreach ((bool isSet, int key, int value) in ops)
                {
                    int at = model.FindIndex(e => e.Key == key);
                    if (isSet)
                    {
                        cache.Set(key, value);
                        if (capacity == 0)
                        {
                            continue;
                        }

                        if (at >= 0)
                        {
                            model.RemoveAt(at);
                        }
                        else if (model.Count == capacity)
                        {
                            model.RemoveAt(model.Count - 1);
                        }

                        model.Insert(0, (key, value));
                    }
                    else
                    {
                        bool found = cache.TryGet(key, out int got);
                        Assert.Equal(at >= 0, found);
                        if (found)
                        {
                            Assert.Equal(model[at].Value, got);
                            model.RemoveAt(at);
                            model.Insert(0, (key, got));
                        }
                    }

                    Assert.Equal(model.Count, cache.Count);
                }
            }, iter: 500);
    }
}
