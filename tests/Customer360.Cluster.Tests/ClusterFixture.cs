using Customer360.Testing;

namespace Customer360.Cluster.Tests;

/// <summary>One fresh database per test class; each test starts the silos it needs under its own cluster id.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync() => Db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
