using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The whole system on real sockets: a fresh database, a silo and a gateway serving the built dashboard.
/// Shared by the end-to-end tests; each test uses its own customer ids.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public TestSilo Silo { get; private set; } = null!;

    public TestGateway Gateway { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The cluster's id, for tests that start a gateway of their own beside the shared one.</summary>
    public string ClusterId { get; private set; } = null!;

    /// <summary>Signed in as the demo administrator.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        var cluster = ClusterId = $"e2e-{Guid.NewGuid():N}";
        Silo = await TestSilo.StartAsync(Db, cluster);
        Gateway = await TestGateway.StartAsync(Db, cluster, new Dictionary<string, string?> { ["Ingest:MaxEvents"] = "1000", ["Ingest:ChunkEvents"] = "100" });
        Http = Gateway.CreateIngestClient();
        await Eventually.GetAsync(async () => (await Http.GetAsync("/health/ready")).StatusCode,
            s => s == System.Net.HttpStatusCode.OK, TimeSpan.FromSeconds(60), "gateway ready");
        Admin = await Gateway.CreateSignedInClientAsync("admin");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        Admin.Dispose();
        await Gateway.DisposeAsync();
        await Silo.DisposeAsync();
        await Db.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
