using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>An answered read is in the audit log even when the gateway that answered it is killed the next instant.</summary>
[Collection(SystemCollection.Name)]
public sealed class AuditAfterKillTests(SystemFixture system)
{
    [Fact]
    public async Task a_read_answered_by_a_gateway_killed_right_after_is_in_the_audit_log()
    {
        await Feed.PostAsync(system.Http, Registered("AK1", "ak1-reg", msisdn: "13912370001"));
        // A gateway of its own process, so that it can die as a crash would: no graceful stop, no queue drained.
        await using var gateway = await GatewayProcess.StartAsync(system.Db, system.ClusterId);
        using var http = gateway.CreateHttpClient();
        var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "am01", password = "demo123" });
        Assert.True(signIn.IsSuccessStatusCode, $"sign-in: {signIn.StatusCode} (log: {gateway.LogPath})\n{gateway.Tail()}");
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var read = await http.GetAsync("/api/v1/customers/AK1");
        Assert.True(read.StatusCode == HttpStatusCode.OK, $"read: {read.StatusCode} {await read.Content.ReadAsStringAsync()}");
        Assert.Equal("AK1", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetString());
        await gateway.KillAsync();

        var rows = await system.Db.ScalarAsync<long>(
            "select count(*) from c360_audit where customer_id = 'AK1' and user_name = 'am01' and through = 'GET /api/v1/customers/{id}' and kind = 'read'");
        Assert.Equal(1, rows);
    }
}
