using System.Net;
using System.Net.Http.Json;
using Customer360.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Disabling a user or resetting their password ends their sessions on every gateway: tokens are refused over
/// REST and open console connections are closed within <c>Auth:UserStateRefresh</c>, here on a second gateway of
/// the cluster that refreshes every second, while the change is made through the first.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SessionEndTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private Task<TestGateway> SecondGatewayAsync() => TestGateway.StartAsync(system.Db, system.ClusterId,
        new Dictionary<string, string?> { ["Auth:UserStateRefresh"] = "00:00:01", ["Auth:SigningKey"] = system.Gateway.SigningKey });

    private static async Task<(HubConnection Hub, Task Closed)> ConnectAsync(TestGateway gateway, string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway.BaseAddress, "/hubs/console"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync().WaitAsync(Wait);
        return (hub, closed.Task);
    }

    [Fact]
    public async Task disabling_a_user_refuses_their_tokens_and_closes_their_console_within_the_refresh_period()
    {
        await using var second = await SecondGatewayAsync();
        var name = await UserAdmin.CreateAsync(system.Admin, "leaver", "supervisor", region: "north");
        var token = await UserAdmin.TokenAsync(second, name);
        using var rest = UserAdmin.Client(second, token);
        Assert.Equal(HttpStatusCode.OK, (await rest.GetAsync("/api/v1/tiers/changes?region=north")).StatusCode);
        var (hub, closed) = await ConnectAsync(second, token);
        await using var _ = hub;
        await hub.InvokeAsync<System.Text.Json.JsonElement>("Subscribe", "tiers:north").WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.OK, (await system.Admin.PostAsync($"/api/v1/users/{name}/disable", null)).StatusCode);

        await closed.WaitAsync(Wait);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        await Eventually.GetAsync(async () => (await rest.GetAsync("/api/v1/tiers/changes?region=north")).StatusCode,
            s => s == HttpStatusCode.Unauthorized, Wait, "the disabled user's token refused");
        // Nor can they connect again, or sign in.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync(second, token));
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserAdmin.SignInAsync(second, name, UserAdmin.Password)).StatusCode);

        // Enabled again, the old token stays refused; a new sign-in works.
        Assert.Equal(HttpStatusCode.OK, (await system.Admin.PostAsync($"/api/v1/users/{name}/enable", null)).StatusCode);
        var fresh = await Eventually.GetAsync(async () => (await UserAdmin.SignInAsync(second, name, UserAdmin.Password)).StatusCode,
            s => s == HttpStatusCode.OK, Wait, "signing in again after enable");
        Assert.Equal(HttpStatusCode.OK, fresh);
        // Proof that the second gateway has re-read the states since the enable: a user disabled after it is refused there.
        var marker = await UserAdmin.CreateAsync(system.Admin, "marker", "supervisor", region: "north");
        using var markerRest = UserAdmin.Client(second, await UserAdmin.TokenAsync(second, marker));
        Assert.Equal(HttpStatusCode.OK, (await system.Admin.PostAsync($"/api/v1/users/{marker}/disable", null)).StatusCode);
        await Eventually.GetAsync(async () => (await markerRest.GetAsync("/api/v1/tiers/changes?region=north")).StatusCode,
            s => s == HttpStatusCode.Unauthorized, Wait, "a refresh after the enable");
        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.GetAsync("/api/v1/tiers/changes?region=north")).StatusCode);
    }

    [Fact]
    public async Task a_password_reset_ends_the_old_sessions_and_the_new_password_signs_in_at_once()
    {
        await using var second = await SecondGatewayAsync();
        var name = await UserAdmin.CreateAsync(system.Admin, "reset", "supervisor", region: "north");
        var old = await UserAdmin.TokenAsync(second, name);
        using var rest = UserAdmin.Client(second, old);
        var (hub, closed) = await ConnectAsync(second, old);
        await using var _ = hub;

        const string newPassword = "a brand new passphrase";
        using var reset = await system.Admin.PostAsJsonAsync($"/api/v1/users/{name}/password", new { password = newPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        var fresh = await UserAdmin.TokenAsync(second, name, newPassword);
        await closed.WaitAsync(Wait);
        await Eventually.GetAsync(async () => (await rest.GetAsync("/api/v1/tiers/changes?region=north")).StatusCode,
            s => s == HttpStatusCode.Unauthorized, Wait, "the token from before the reset refused");
        using var now = UserAdmin.Client(second, fresh);
        Assert.Equal(HttpStatusCode.OK, (await now.GetAsync("/api/v1/tiers/changes?region=north")).StatusCode);
    }
}
