using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Serialization;

namespace Customer360.Cluster.Tests;

/// <summary>
/// The cluster's own ports over real sockets: only holders of a certificate from the cluster's CA connect, join
/// or call a grain. Each intruder gets a bounded time to connect; had it got in, it would replace the rules,
/// the escalation the issue names (calling grains past every check of the gateway).
/// </summary>
public sealed class ClusterTlsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    /// <summary>
    /// How long an intruding client may try to connect: a refused handshake fails within milliseconds and Orleans
    /// retries about every second, so this is a dozen attempts or more. A valid client connects in one or two seconds.
    /// </summary>
    private static readonly TimeSpan ConnectBound = TimeSpan.FromSeconds(15);

    private static readonly Lazy<TestCertificates> IntruderCa = new(() => TestCertificates.CreateAuthority("Intruder CA"));

    private TestDatabase Db => fixture.Db;

    [Fact]
    public async Task a_client_with_a_pem_client_certificate_from_the_cluster_ca_calls_grains()
    {
        var cluster = $"tls-ok-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(Db, cluster);
        // A gateway's certificate needs client authentication only; PEM certificate and key in two files.
        var gateway = TestCertificates.Cluster.Issue("gateway", server: false, client: true);
        await using var client = await TestClient.ConnectAsync(Db, cluster, new Dictionary<string, string?>
        {
            ["Cluster:Tls:CertificatePath"] = gateway.PemPath,
            ["Cluster:Tls:CertificateKeyPath"] = gateway.KeyPath,
            ["Cluster:Tls:CertificatePassword"] = "",
        });

        var rules = await client.Cluster.GetGrain<IRulesGrain>(0).Get().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(rules.Version >= 1);
    }

    [Fact]
    public async Task the_probe_the_intruders_fail_connects_and_calls_grains_with_the_cluster_certificate()
    {
        var cluster = $"tls-probe-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(Db, cluster);
        var version = 0L;

        var connected = await TryConnectAsync(cluster, client => client.UseCustomer360Tls(ClusterConfiguration()),
            async client => version = (await client.GetGrain<IRulesGrain>(0).Get()).Version);

        Assert.True(connected);
        Assert.True(version >= 1);
    }

    [Fact]
    public async Task a_client_without_a_certificate_can_neither_connect_nor_change_the_rules() =>
        await AssertIntruderRefusedAsync(client => client.UseTls(o => o.AllowAnyRemoteCertificate()));

    [Fact]
    public async Task a_client_with_a_certificate_from_another_ca_can_neither_connect_nor_change_the_rules()
    {
        var foreign = IntruderCa.Value.Issue("intruder", server: true, client: true).Certificate;
        await AssertIntruderRefusedAsync(client => client.UseTls(foreign, o => o.AllowAnyRemoteCertificate()));
    }

    [Fact]
    public async Task a_plaintext_client_can_neither_connect_nor_change_the_rules() =>
        await AssertIntruderRefusedAsync(_ => { });

    [Fact]
    public async Task a_client_of_the_cluster_does_not_connect_to_a_silo_whose_certificate_is_from_another_ca()
    {
        // An impostor silo: it could register itself in the membership table, but the cluster's clients will not talk to it.
        var cluster = $"tls-impostor-{Guid.NewGuid():N}";
        await using var impostor = await TestSilo.StartAsync(Db, cluster, TlsOff, services => UseIntruderTls(services));

        var connected = await TryConnectAsync(cluster, client => client.UseCustomer360Tls(ClusterConfiguration()));

        Assert.False(connected, "a client of the cluster connected to a silo whose certificate is from another CA");
    }

    [Fact]
    public async Task a_silo_without_tls_cannot_join_the_cluster() =>
        await AssertSiloCannotJoinAsync(_ => { });

    [Fact]
    public async Task a_silo_with_a_certificate_from_another_ca_cannot_join_the_cluster() =>
        await AssertSiloCannotJoinAsync(UseIntruderTls);

    private static IConfiguration ClusterConfiguration() =>
        new ConfigurationBuilder().AddInMemoryCollection(TestCertificates.Cluster.Settings).Build();

    private static readonly Dictionary<string, string?> TlsOff = new() { ["Cluster:Tls:Enabled"] = "false" };

    /// <summary>An intruder's TLS, wired below the project's settings: a certificate of another CA, and trust in anything.</summary>
    private static void UseIntruderTls(IServiceCollection services)
    {
        var intruder = new TlsOptions { LocalCertificate = IntruderCa.Value.Issue("intruder-silo", server: true, client: true).Certificate };
        intruder.AllowAnyRemoteCertificate();
        services.Configure<SiloConnectionOptions>(o =>
        {
            o.ConfigureSiloInboundConnection(b => b.UseServerTls(intruder));
            o.ConfigureGatewayInboundConnection(b => b.UseServerTls(intruder));
            o.ConfigureSiloOutboundConnection(b => b.UseClientTls(intruder));
        });
    }

    private async Task AssertIntruderRefusedAsync(Action<IClientBuilder> transport)
    {
        var cluster = $"tls-intruder-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(Db, cluster);
        var rules = silo.Grains.GetGrain<IRulesGrain>(0);
        var before = await rules.Get().WaitAsync(TimeSpan.FromSeconds(30));

        var connected = await TryConnectAsync(cluster, transport, client =>
            client.GetGrain<IRulesGrain>(0).Update(before with { GoldA3 = 1 }, null, "intruder"));

        Assert.False(connected, "the intruder connected to the cluster");
        var after = await rules.Get().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((before.Version, before.GoldA3), (after.Version, after.GoldA3));
    }

    private async Task AssertSiloCannotJoinAsync(Action<IServiceCollection> transport)
    {
        var cluster = $"tls-join-{Guid.NewGuid():N}";
        await using var member = await TestSilo.StartAsync(Db, cluster);
        // A joining silo first checks it can reach every active silo; it gives up after this long.
        var joining = TestSilo.StartAsync(Db, cluster, TlsOff, services =>
        {
            services.Configure<ClusterMembershipOptions>(o => o.MaxJoinAttemptTime = TimeSpan.FromSeconds(15));
            services.AddSingleton<IFatalErrorHandler, ContainedFatalErrors>();
            transport(services);
        });

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => joining);

        Assert.IsNotType<TimeoutException>(refused);
        Assert.Equal(1L, await Db.ScalarAsync<long>($"select count(*) from c360_membership where deployment_id = '{cluster}' and status = 3"));
        await using var client = await TestClient.ConnectAsync(Db, cluster);
        Assert.True((await client.Cluster.GetGrain<IRulesGrain>(0).Get().WaitAsync(TimeSpan.FromSeconds(30))).Version >= 1);
    }

    /// <summary>
    /// Starts an Orleans client of <paramref name="clusterId"/> with <paramref name="transport"/> and reports whether it
    /// connected within <see cref="ConnectBound"/>; if it did, runs <paramref name="abuse"/> with it first.
    /// </summary>
    private async Task<bool> TryConnectAsync(string clusterId, Action<IClientBuilder> transport, Func<IClusterClient, Task>? abuse = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = clusterId; });
            client.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = Db.ConnectionString; });
            transport(client);
            client.Services.AddSerializer(s => s.AddCustomer360Serialization());
        });
        using var host = builder.Build();
        using var bound = new CancellationTokenSource(ConnectBound);
        bool connected;
        try
        {
            // Orleans retries a refused handshake without end: the token is what ends the attempt.
            await host.StartAsync(bound.Token).WaitAsync(ConnectBound + TimeSpan.FromSeconds(15));
            connected = true;
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            connected = false;
        }
        if (connected && abuse is not null)
            await abuse(host.Services.GetRequiredService<IClusterClient>()).WaitAsync(TimeSpan.FromSeconds(30));
        try { await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30)); } catch (Exception) { /* never started */ }
        return connected;
    }
}
