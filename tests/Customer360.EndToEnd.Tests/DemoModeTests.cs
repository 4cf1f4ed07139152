using System.Net;
using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Outside demo mode no account with a known password signs in: the demo users that a demo run left in the
/// database are refused, their tokens too, and demo users in the configuration are neither created nor accepted.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class DemoModeTests(SystemFixture system)
{
    [Fact]
    public async Task with_demo_mode_off_demo_passwords_and_configured_demo_users_are_refused()
    {
        var demoToken = await system.Gateway.SignInAsync("am01");
        await using var production = await TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?>
        {
            ["Auth:DemoMode"] = "false",
            ["Auth:SigningKey"] = system.Gateway.SigningKey,
            ["Auth:DemoUsers:0:Name"] = "ghost",
            ["Auth:DemoUsers:0:Password"] = "demo123",
            ["Auth:DemoUsers:0:Role"] = "admin",
        });

        foreach (var user in new[] { "admin", "store01", "am01", "pm01", "sup-north", "feed", "ghost" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await UserAdmin.SignInAsync(production, user, "demo123")).StatusCode);
        Assert.Equal(0, await system.Db.ScalarAsync<long>("select count(*) from c360_users where name_key = 'ghost'"));
        // A token a demo user got in demo mode is no good outside it, even signed with the same key.
        using var http = UserAdmin.Client(production, demoToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/customers?q=x")).StatusCode);

        // A real user signs in there as anywhere.
        var real = await UserAdmin.CreateAsync(system.Admin, "real", "admin");
        Assert.Equal(HttpStatusCode.OK, (await UserAdmin.SignInAsync(production, real, UserAdmin.Password)).StatusCode);
    }

    [Fact]
    public async Task a_configuration_that_still_lists_plain_text_users_is_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync(system.Db, system.ClusterId,
            new Dictionary<string, string?> { ["Auth:Users:0:Name"] = "admin", ["Auth:Users:0:Password"] = "demo123", ["Auth:Users:0:Role"] = "admin" }));
        Assert.Contains("Auth:Users is no longer read", error.Message);
        Assert.Contains("create-admin", error.Message);
    }

    [Fact]
    public async Task the_production_configuration_holds_no_users_and_no_secrets()
    {
        var settings = await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "gateway", "appsettings.json"));
        Assert.DoesNotContain("demo123", settings);
        Assert.DoesNotContain("\"Users\"", settings);
        Assert.DoesNotContain("DemoUsers", settings);
        Assert.DoesNotContain("Password=", settings);
        Assert.Matches("\"SigningKey\":\\s*\"\"", settings);
    }
}
