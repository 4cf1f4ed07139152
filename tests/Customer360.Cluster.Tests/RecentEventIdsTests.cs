using Customer360.Grains.Customers;

namespace Customer360.Cluster.Tests;

public sealed class RecentEventIdsTests
{
    [Fact]
    public void it_remembers_the_last_ids_up_to_its_capacity_and_lists_them_oldest_first()
    {
        var recent = new RecentEventIds(3);
        foreach (var id in new[] { "a", "b", "a", "c", "d" }) recent.Add(id);

        Assert.False(recent.Contains("a"));
        Assert.True(recent.Contains("b") && recent.Contains("c") && recent.Contains("d"));
        Assert.Equal(["b", "c", "d"], recent.ToList());
    }

    [Fact]
    public void with_no_capacity_it_remembers_nothing()
    {
        var recent = new RecentEventIds(0);
        recent.Add("a");
        Assert.False(recent.Contains("a"));
        Assert.Empty(recent.ToList());
    }
}
