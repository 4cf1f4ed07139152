using System.Net.Http.Json;
using Customer360.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// A gateway asked to stop while PostgreSQL is down exits within its bound (<c>Shutdown:Timeout</c>), though its audit
/// log still holds entries it cannot write: the drain gives up rather than block the stop.
/// </summary>
public sealed class GatewayStopTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ForceAfter = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task a_gateway_stopped_while_postgres_is_down_exits_within_its_bound()
    {
        await using var postgres = await PrivatePostgres.CreateAsync("gateway-stop");
        await using var db = await TestDatabase.CreateAsync(postgres.ServerConnectionString);
        var cluster = $"gwstop-{Guid.NewGuid():N}";
        await using var silo = await SiloProcess.StartAsync(db, cluster, "gateway-stop-silo");
        await using var gateway = await GatewayProcess.StartAsync(db, cluster,
            new Dictionary<string, string?> { ["Shutdown:Timeout"] = Bound.ToString(), ["Shutdown:ForceAfter"] = ForceAfter.ToString() });
        using var http = gateway.CreateHttpClient();

        await postgres.StopAsync();
        // Sign-in attempts while the store is down: whatever they leave in the audit log's queue cannot be written.
        for (var i = 0; i < 3; i++)
        {
            using var answer = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "am01", password = "wrong" })
                .WaitAsync(TimeSpan.FromSeconds(40));
            output.WriteLine($"sign-in while PostgreSQL is down: {(int)answer.StatusCode}");
        }

        var took = await gateway.TerminateAsync(Bound + ForceAfter + Slack);
        output.WriteLine($"gateway exited {took.TotalSeconds:0.0} s after SIGTERM (bound {Bound.TotalSeconds} s)");

        // Back up for the silo's stop and the database's removal; the immediate stop killed this process's pooled connections.
        await postgres.StartAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
