using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Sign-in under attack, over real HTTP and PostgreSQL: lockout after repeated wrong passwords, rate limits per
/// client address and per user name, a huge body refused unread, and every attempt in <c>c360_audit</c>.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SignInHardeningTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task thirty_wrong_passwords_then_the_right_one_is_refused_as_locked_with_retry_after_and_every_attempt_is_audited()
    {
        var name = await UserAdmin.CreateAsync(system.Admin, "victim", "admin");
        for (var i = 0; i < 30; i++)
        {
            using var wrong = await UserAdmin.SignInAsync(system.Gateway, name, $"guess number {i:00} of thirty");
            // The fifth wrong password in a row locks the account (Auth:SignIn:MaxFailures, default 5).
            Assert.Equal(i < 4 ? HttpStatusCode.Unauthorized : HttpStatusCode.Locked, wrong.StatusCode);
        }

        using var right = await UserAdmin.SignInAsync(system.Gateway, name, UserAdmin.Password);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        var retryAfter = right.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.InRange(problem.GetProperty("lockedUntil").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(15.1));
        Assert.Contains("try again after", problem.GetProperty("detail").GetString());

        // The lockout is in the database, for every gateway, not in this one's memory.
        Assert.Equal(1, await system.Db.ScalarAsync<long>($"select count(*) from c360_users where name_key = '{name}' and locked_until > now()"));
        var refused = await Eventually.GetAsync(() => UserAdmin.AuditCountAsync(system.Db, name, "sign-in refused"), n => n >= 31, Wait,
            "31 refused sign-ins audited");
        Assert.Equal(31, refused);
        Assert.Equal(4, await system.Db.ScalarAsync<long>(
            $"select count(*) from c360_audit where user_name = '{name}' and through = 'sign-in refused' and detail like 'wrong password; from %'"));
        Assert.Equal(27, await system.Db.ScalarAsync<long>(
            $"select count(*) from c360_audit where user_name = '{name}' and through = 'sign-in refused' and detail like '%locked until%'"));

        // An administrator lifts the lockout by enabling the user; then the right password works and is audited.
        Assert.Equal(HttpStatusCode.OK, (await system.Admin.PostAsync($"/api/v1/users/{name}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UserAdmin.SignInAsync(system.Gateway, name, UserAdmin.Password)).StatusCode);
        await Eventually.GetAsync(() => UserAdmin.AuditCountAsync(system.Db, name, "sign-in"), n => n == 1, Wait, "the success audited");
    }

    [Fact]
    public async Task a_success_resets_the_count_of_wrong_passwords()
    {
        var name = await UserAdmin.CreateAsync(system.Admin, "typo", "admin");
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 4; i++)
                Assert.Equal(HttpStatusCode.Unauthorized, (await UserAdmin.SignInAsync(system.Gateway, name, "not the password")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await UserAdmin.SignInAsync(system.Gateway, name, UserAdmin.Password)).StatusCode);
        }
    }

    [Fact]
    public async Task unknown_users_disabled_users_and_wrong_passwords_are_refused_alike_and_audited_with_the_reason()
    {
        var name = await UserAdmin.CreateAsync(system.Admin, "gone", "supervisor", region: "north");
        Assert.Equal(HttpStatusCode.OK, (await system.Admin.PostAsync($"/api/v1/users/{name}/disable", null)).StatusCode);
        var unknown = UserAdmin.NewName("nobody");
        var answers = new List<string>();
        foreach (var (user, password) in new[] { (unknown, UserAdmin.Password), (name, UserAdmin.Password), (name, "wrong password!") })
        {
            using var response = await UserAdmin.SignInAsync(system.Gateway, user, password);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            answers.Add(problem.GetProperty("detail").GetString()!);
        }
        Assert.Single(answers.Distinct());

        await Eventually.GetAsync(() => UserAdmin.AuditCountAsync(system.Db, name, "sign-in refused"), n => n == 2, Wait, "refusals audited");
        Assert.Equal(1, await system.Db.ScalarAsync<long>($"select count(*) from c360_audit where user_name = '{name}' and detail like 'disabled; from %'"));
        await Eventually.GetAsync(() => system.Db.ScalarAsync<long>(
            $"select count(*) from c360_audit where user_name = '{unknown}' and through = 'sign-in refused' and detail like 'unknown user; from %'"),
            n => n == 1, Wait, "unknown user audited");
    }

    [Fact]
    public async Task a_five_megabyte_password_is_refused_with_413_without_being_read()
    {
        var body = $"{{\"userName\":\"admin\",\"password\":\"{new string('x', 5 * 1024 * 1024)}\"}}";
        using var http = system.Gateway.CreateHttpClient();
        // As curl does for large bodies: the client waits for the server's go-ahead, and the gateway answers 413 from
        // Content-Length alone. Without it the client may still be writing when the gateway closes the connection.
        http.DefaultRequestHeaders.ExpectContinue = true;
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync("/api/v1/auth/token", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        // A sign-in of ordinary size still works.
        Assert.False(string.IsNullOrEmpty(await system.Gateway.SignInAsync("admin")));
    }

    [Fact]
    public async Task sign_in_is_rate_limited_per_user_name_and_per_client_address_with_429_and_retry_after()
    {
        await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?>
        {
            ["Auth:SignIn:PerAddressPermits"] = "6",
            ["Auth:SignIn:PerUserPermits"] = "2",
        });
        var a = UserAdmin.NewName("spray");
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserAdmin.SignInAsync(gateway, a, "password guess 1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserAdmin.SignInAsync(gateway, a, "password guess 2")).StatusCode);
        using var perUser = await UserAdmin.SignInAsync(gateway, a, "password guess 3");
        Assert.Equal(HttpStatusCode.TooManyRequests, perUser.StatusCode);
        Assert.True(perUser.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("user name", await perUser.Content.ReadAsStringAsync());

        // Other names are still tried, until the address has used its six attempts.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await UserAdmin.SignInAsync(gateway, UserAdmin.NewName("spray"), "password guess")).StatusCode);
        using var perAddress = await UserAdmin.SignInAsync(gateway, "admin", "demo123");
        Assert.Equal(HttpStatusCode.TooManyRequests, perAddress.StatusCode);
        Assert.True(perAddress.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("address", await perAddress.Content.ReadAsStringAsync());

        await Eventually.GetAsync(() => UserAdmin.AuditCountAsync(system.Db, a, "sign-in refused"), n => n == 3, Wait, "rate-limited attempt audited");
        Assert.Equal(1, await system.Db.ScalarAsync<long>(
            $"select count(*) from c360_audit where user_name = '{a}' and detail like 'rate-limited: too many attempts for this user name%'"));
    }
}
